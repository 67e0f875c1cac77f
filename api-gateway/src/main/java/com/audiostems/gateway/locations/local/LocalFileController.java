package com.audiostems.gateway.locations.local;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.storage.LocalBlobStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored objects of the local store by signed link. Spring answers Range requests on a file
 * resource by itself, so players can seek and downloads can resume.
 */
@RestController
@ConditionalOnProperty(
    name = "audiostems.gateway.storage.kind",
    havingValue = "local",
    matchIfMissing = true)
@Tag(name = "files")
public class LocalFileController {
  private final LinkSigner signer;
  private final LocalBlobStore store;

  public LocalFileController(LinkSigner signer, LocalBlobStore store) {
    this.signer = signer;
    this.store = store;
  }

  @Operation(
      summary = "Download a stored file (local store only)",
      description =
          "The URL listed by GET /v1/tracks/{id}/files, used as is: its signature is the authority, no API key is needed.")
  @SecurityRequirements
  @GetMapping("/v1/files/{*key}")
  public ResponseEntity<Resource> download(
      @PathVariable String key,
      @RequestParam(required = false) Long expires,
      @RequestParam(required = false) String signature) {
    String storageKey = key.startsWith("/") ? key.substring(1) : key;
    signer.requireValid(LocalDownloadLocations.METHOD, storageKey, expires, signature);
    Path file = store.pathOf(storageKey);
    if (!Files.isRegularFile(file)) {
      throw Problems.notFound(
          "file-not-found",
          "The file is gone: the track was re-processed or deleted since this link was made.");
    }
    String name = file.getFileName().toString();
    return ResponseEntity.ok()
        .contentType(MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(new FileSystemResource(file));
  }
}
