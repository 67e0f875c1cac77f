package com.audiostems.gateway.hls;

import com.audiostems.gateway.problems.Problems;
import com.audiostems.storage.BlobStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the playlists of a track's HLS ladder by signed link, each URI in them rewritten into its
 * object's own link with the same expiry, so that a player following the master playlist's link
 * reaches every variant and segment (see {@link HlsLinks}).
 */
@RestController
@Tag(name = "files")
public class HlsPlaylistController {
  /** RFC 8216's media type. */
  static final MediaType MPEGURL = MediaType.parseMediaType("application/vnd.apple.mpegurl");

  /** Far above any ladder's playlist (a 1 h track has 600 segments, some 30 KB): a bound. */
  private static final int MAX_PLAYLIST_BYTES = 1 << 20;

  private final HlsLinks links;
  private final BlobStore store;

  public HlsPlaylistController(HlsLinks links, BlobStore store) {
    this.links = links;
    this.store = store;
  }

  @Operation(
      summary = "An HLS playlist of a track's preview ladder",
      description =
          "The `hls.masterPlaylistUrl` of GET /v1/tracks/{id}/files, used as is: its signature is the authority. "
              + "Every URI in the playlist is a signed link ending when this one ends.")
  @SecurityRequirements
  @GetMapping("/v1/hls/{*key}")
  public ResponseEntity<String> playlist(
      @PathVariable String key,
      @RequestParam(required = false) Long expires,
      @RequestParam(required = false) String signature)
      throws IOException {
    String storageKey = key.startsWith("/") ? key.substring(1) : key;
    if (!HlsLinks.isPlaylistKey(storageKey)) {
      throw Problems.badRequest(
          "not-a-playlist",
          "Only the playlists of a track's HLS ladder are served here, not '" + storageKey + "'.");
    }
    links.requireValid(storageKey, expires, signature);
    if (!store.exists(storageKey)) {
      throw Problems.notFound(
          "file-not-found",
          "The playlist is gone: the track was re-processed or deleted since this link was made.");
    }
    String playlist = read(storageKey);
    Instant expiresAt = Instant.ofEpochSecond(expires);
    String rewritten;
    try {
      rewritten =
          HlsPlaylistRewriter.rewrite(playlist, storageKey, k -> links.linkOf(k, expiresAt));
    } catch (IllegalArgumentException e) {
      throw Problems.exception(
          HttpStatus.BAD_GATEWAY, "bad-playlist", "Bad playlist", e.getMessage());
    }
    return ResponseEntity.ok()
        .contentType(MPEGURL)
        // Its links are signed: shared caches must not hand them to others.
        .cacheControl(CacheControl.noStore())
        .body(rewritten);
  }

  private String read(String key) throws IOException {
    try (InputStream in = store.open(key)) {
      byte[] bytes = in.readNBytes(MAX_PLAYLIST_BYTES + 1);
      if (bytes.length > MAX_PLAYLIST_BYTES) {
        throw Problems.exception(
            HttpStatus.BAD_GATEWAY,
            "bad-playlist",
            "Bad playlist",
            "The playlist " + key + " is larger than " + MAX_PLAYLIST_BYTES + " bytes.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
