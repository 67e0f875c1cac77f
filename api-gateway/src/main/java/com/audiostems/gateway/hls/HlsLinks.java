package com.audiostems.gateway.hls;

import com.audiostems.gateway.locations.DownloadLocations;
import com.audiostems.gateway.locations.local.GatewayBaseUrl;
import com.audiostems.gateway.locations.local.LinkSigner;
import com.audiostems.workflows.storage.BlobKeys;
import java.net.URI;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Links into a track's HLS ladder that a player can follow: a playlist's link is the gateway's
 * {@code GET /v1/hls/<key>}, signed, which serves the playlist with every URI in it rewritten into
 * a link of the same expiry ({@link HlsPlaylistRewriter}); a segment's link is the store's own
 * download link (the gateway's signed link locally, a presigned URL on S3). So a whole ladder
 * followed from one master link ends when that link ends, on every store kind.
 */
@Component
public class HlsLinks {
  /** What a playlist link's signature covers besides the key and expiry: not a plain download. */
  static final String METHOD = "GET-HLS-PLAYLIST";

  private static final Pattern PLAYLIST_KEY =
      Pattern.compile("tracks/([^/]+)/v[1-9][0-9]*/hls/[A-Za-z0-9._-]+\\.m3u8");

  private final LinkSigner signer;
  private final GatewayBaseUrl baseUrl;
  private final DownloadLocations downloads;

  public HlsLinks(LinkSigner signer, GatewayBaseUrl baseUrl, DownloadLocations downloads) {
    this.signer = signer;
    this.baseUrl = baseUrl;
    this.downloads = downloads;
  }

  /** The link of any file of a ladder: a playlist through the gateway, a segment from the store. */
  public URI linkOf(String key, Instant expiresAt) {
    return isPlaylistKey(key)
        ? playlistLink(key, expiresAt)
        : downloads.presignDownload(key, expiresAt).url();
  }

  /** The signed {@code /v1/hls/} link of a playlist of a track's ladder. */
  public URI playlistLink(String key, Instant expiresAt) {
    requirePlaylistKey(key);
    return URI.create(
        baseUrl.current()
            + "/v1/hls/"
            + key
            + "?expires="
            + expiresAt.getEpochSecond()
            + "&signature="
            + signer.sign(METHOD, key, expiresAt));
  }

  /** Throws a 403 problem unless this is a live playlist link this gateway signed. */
  void requireValid(String key, Long expiresEpochSecond, String signature) {
    signer.requireValid(METHOD, key, expiresEpochSecond, signature);
  }

  static boolean isPlaylistKey(String key) {
    Matcher matcher = PLAYLIST_KEY.matcher(key);
    if (!matcher.matches()) {
      return false;
    }
    BlobKeys.requireTrackId(matcher.group(1));
    return true;
  }

  static void requirePlaylistKey(String key) {
    if (!isPlaylistKey(key)) {
      throw new IllegalArgumentException(
          "Not a playlist of a track's HLS ladder (tracks/<id>/v<n>/hls/<name>.m3u8): " + key);
    }
  }
}
