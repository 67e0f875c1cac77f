package com.audiostems.gateway.hls;

import java.net.URI;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the URIs of an HLS playlist (RFC 8216) into signed links. The ladder's playlists name
 * their variants, initialisation segments and media segments relative to themselves; a player
 * resolves those names against the playlist's own URL, which drops that URL's query, so behind a
 * per-object signature (the gateway's links, presigned S3 URLs) every relative name would be
 * refused. Each URI is therefore resolved against the playlist's storage key and replaced by that
 * object's own link.
 *
 * <p>URIs are the lines that are neither blank nor tags, and the {@code URI="..."} attribute of
 * tags ({@code EXT-X-MAP}, {@code EXT-X-MEDIA}, {@code EXT-X-I-FRAME-STREAM-INF}, keys). A URI with
 * a scheme is left as it is; one that leaves the playlist's folder is refused, so a playlist can
 * never be made to sign another object of the store.
 */
public final class HlsPlaylistRewriter {
  private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

  private HlsPlaylistRewriter() {}

  /**
   * @param playlist the playlist's text
   * @param playlistKey its storage key; relative URIs are resolved against its folder
   * @param linkOf the signed link of a storage key
   * @throws IllegalArgumentException for a URI that resolves outside the playlist's folder
   */
  public static String rewrite(String playlist, String playlistKey, Function<String, URI> linkOf) {
    String folder = playlistKey.substring(0, playlistKey.lastIndexOf('/') + 1);
    StringBuilder out = new StringBuilder(playlist.length() * 4);
    for (String line : playlist.split("\r?\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        out.append(line);
      } else if (trimmed.startsWith("#")) {
        Matcher uri = URI_ATTRIBUTE.matcher(line);
        StringBuilder tag = new StringBuilder();
        while (uri.find()) {
          String link = signed(uri.group(1), folder, linkOf);
          uri.appendReplacement(tag, Matcher.quoteReplacement("URI=\"" + link + "\""));
        }
        uri.appendTail(tag);
        out.append(tag);
      } else {
        out.append(signed(trimmed, folder, linkOf));
      }
      out.append('\n');
    }
    // split(-1) keeps a final empty element for a trailing newline: drop the extra one added.
    out.setLength(out.length() - 1);
    return out.toString();
  }

  private static String signed(String uri, String folder, Function<String, URI> linkOf) {
    URI parsed = URI.create(uri);
    if (parsed.isAbsolute()) {
      return uri;
    }
    if (parsed.getRawQuery() != null
        || parsed.getRawFragment() != null
        || parsed.getPath().isEmpty()
        || parsed.getPath().startsWith("/")
        || parsed.getPath().contains("/")) {
      throw new IllegalArgumentException(
          "Playlist URI '" + uri + "' does not name a file beside the playlist in " + folder);
    }
    return linkOf.apply(folder + parsed.getPath()).toString();
  }
}
