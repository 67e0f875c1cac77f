package com.audiostems.gateway.uploads;

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
      throw new UncheckedIOException("Could not store the ticket of upload " + ticket.uploadId(), e);
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

  /** Whether the upload's content has arrived. */
  public boolean contentReceived(UploadTicket ticket) {
    try {
      return store.exists(ticket.sourceKey());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not look for the content of upload " + ticket.uploadId(), e);
    }
  }

  static String keyOf(String uploadId) {
    return "uploads/" + BlobKeys.requireTrackId(uploadId) + "/upload.json";
  }
}
