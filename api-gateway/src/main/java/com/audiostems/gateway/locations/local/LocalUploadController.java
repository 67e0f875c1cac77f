package com.audiostems.gateway.locations.local;

import com.audiostems.gateway.config.UploadProperties;
import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.uploads.UploadTicket;
import com.audiostems.gateway.uploads.UploadTickets;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StoredObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives upload content for the local store, where the gateway itself plays S3's part. The body
 * is streamed to a spool file (never held in memory), checked against the announced size and handed
 * to {@link LocalBlobStore#store}, which moves it into place atomically.
 */
@RestController
@ConditionalOnProperty(
    name = "audiostems.gateway.storage.kind",
    havingValue = "local",
    matchIfMissing = true)
@Tag(name = "uploads")
public class LocalUploadController {
  private static final int BUFFER_BYTES = 64 * 1024;
  private final LinkSigner signer;
  private final UploadTickets tickets;
  private final LocalBlobStore store;
  private final Path spoolDir;

  public LocalUploadController(
      LinkSigner signer, UploadTickets tickets, LocalBlobStore store, UploadProperties uploads) {
    this.signer = signer;
    this.tickets = tickets;
    this.store = store;
    this.spoolDir = uploads.tempDir();
  }

  @Operation(
      summary = "Send an upload's content (local store only)",
      description =
          "The URL returned by POST /v1/uploads, used as is: its signature is the authority, no API key is needed. "
              + "The body must be exactly the announced size; an upload is written once.")
  @SecurityRequirements
  @PutMapping("/v1/uploads/{uploadId}/content")
  public ResponseEntity<UploadReceipt> receive(
      @PathVariable String uploadId,
      @RequestParam(required = false) Long expires,
      @RequestParam(required = false) String signature,
      HttpServletRequest request)
      throws IOException {
    BlobKeys.requireTrackId(uploadId);
    signer.requireValid(LocalUploadLocations.METHOD, uploadId, expires, signature);
    UploadTicket ticket =
        tickets
            .find(uploadId)
            .orElseThrow(
                () -> Problems.notFound("upload-not-found", "No upload '" + uploadId + "'."));
    if (store.exists(ticket.sourceKey())) {
      throw Problems.conflict(
          "upload-complete",
          "Upload '" + uploadId + "' has its content already; uploads are written once.");
    }
    long declared = request.getContentLengthLong();
    if (declared < 0) {
      throw Problems.exception(
          HttpStatus.LENGTH_REQUIRED,
          "length-required",
          "Length required",
          "Send the upload with a Content-Length of " + ticket.sizeBytes() + ".");
    }
    if (declared != ticket.sizeBytes()) {
      throw sizeMismatch(ticket, declared);
    }
    Files.createDirectories(spoolDir);
    Path spool = Files.createTempFile(spoolDir, uploadId + "-", ".part");
    try {
      long received;
      try (InputStream in = request.getInputStream();
          OutputStream out = Files.newOutputStream(spool)) {
        received = copyAtMost(in, out, ticket.sizeBytes() + 1);
      }
      if (received != ticket.sizeBytes()) {
        throw sizeMismatch(ticket, received);
      }
      StoredObject stored = store.store(ticket.sourceKey(), spool);
      return ResponseEntity.ok()
          .eTag(stored.sha256())
          .body(new UploadReceipt(uploadId, stored.key(), stored.bytes(), stored.sha256()));
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  /** Copies until the input ends or {@code limit} bytes have been copied, whichever comes first. */
  private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long total = 0;
    int n;
    while (total < limit
        && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) >= 0) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  private static RuntimeException sizeMismatch(UploadTicket ticket, long got) {
    return Problems.badRequest(
        "size-mismatch",
        "Upload '"
            + ticket.uploadId()
            + "' was announced as "
            + ticket.sizeBytes()
            + " bytes, not "
            + got
            + ".");
  }
}
