package com.audiostems.gateway.uploads;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.gateway.security.ApiClient;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.storage.BlobKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Upload tickets, kept as {@code uploads/<uploadId>/upload.json} in the blob store. */
@Component
public class UploadTickets {
  private final BlobStore store;
  private final ObjectMapper json;

  public UploadTickets(BlobStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  public void save(UploadTicket ticket) {
    try {
      store.storeBytes(keyOf(ticket.uploadId()), json.writeValueAsBytes(ticket));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not store the ticket of upload " + ticket.uploadId(), e);
    }
  }

  /** Empty when no such upload was created; the id must be well-formed (else a 400 problem). */
  public Optional<UploadTicket> find(String uploadId) {
    String key = keyOf(uploadId);
    try {
      if (!store.exists(key)) {
        return Optional.empty();
      }
      try (InputStream in = store.open(key)) {
        return Optional.of(json.readValue(in, UploadTicket.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the ticket of upload " + uploadId, e);
    }
  }

  /**
   * The upload, for a client that may use it: its owner, or an admin. Anyone else is told there is
   * no such upload (a 404 problem), as for an unknown id.
   */
  public UploadTicket findFor(ApiClient client, String uploadId) {
    return find(uploadId)
        .filter(t -> client.usesAllUploads() || t.owner().equals(client.name()))
        .orElseThrow(() -> Problems.notFound("upload-not-found", "No upload '" + uploadId + "'."));
  }

  /** Forgets the upload; its content, if any, stays. */
  public void delete(UploadTicket ticket) {
    try {
      store.delete(keyOf(ticket.uploadId()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not delete the ticket of upload " + ticket.uploadId(), e);
    }
  }

  /**
   * Whether the upload's content has arrived (for an upload in parts: whether it was completed).
   */
  public boolean contentReceived(UploadTicket ticket) {
    try {
      return store.exists(ticket.sourceKey());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not look for the content of upload " + ticket.uploadId(), e);
    }
  }

  static String keyOf(String uploadId) {
    return "uploads/" + BlobKeys.requireTrackId(uploadId) + "/upload.json";
  }
}
