package com.audiostems.gateway.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HlsPlaylistRewriterTest {
  private static final String KEY = "tracks/t1/v2/hls/aac-64k.m3u8";

  private static URI link(String key) {
    return URI.create("https://cdn.example/" + key + "?sig=1");
  }

  @Test
  void everyRelativeUriInLinesAndUriAttributesBecomesItsObjectsLink() {
    String playlist =
        "#EXTM3U\r\n#EXT-X-MAP:URI=\"aac-64k-init.mp4\"\r\n#EXTINF:6.0,\r\naac-64k-00000.m4s\r\n"
            + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"x\",URI=\"alt.m3u8\"\r\n"
            + "https://elsewhere.example/ad.m4s\r\n#EXT-X-ENDLIST\r\n";

    String rewritten = HlsPlaylistRewriter.rewrite(playlist, KEY, HlsPlaylistRewriterTest::link);

    assertThat(rewritten)
        .isEqualTo(
            "#EXTM3U\n#EXT-X-MAP:URI=\"https://cdn.example/tracks/t1/v2/hls/aac-64k-init.mp4?sig=1\"\n"
                + "#EXTINF:6.0,\nhttps://cdn.example/tracks/t1/v2/hls/aac-64k-00000.m4s?sig=1\n"
                + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"x\","
                + "URI=\"https://cdn.example/tracks/t1/v2/hls/alt.m3u8?sig=1\"\n"
                + "https://elsewhere.example/ad.m4s\n#EXT-X-ENDLIST\n");
  }

  @Test
  void aUriLeavingThePlaylistsFolderIsRefusedNotSigned() {
    for (String uri : new String[] {"../../v1/flac.flac", "/tracks/t2/x.m4s", "sub/x.m4s"}) {
      assertThatThrownBy(
              () -> HlsPlaylistRewriter.rewrite("#EXTM3U\n" + uri + "\n", KEY, k -> link(k)))
          .as(uri)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(uri);
    }
  }

  @Test
  void onlyTheLadderFoldersPlaylistsAreServed() {
    assertThat(HlsLinks.isPlaylistKey("tracks/t1/v2/hls/master.m3u8")).isTrue();
    assertThat(HlsLinks.isPlaylistKey("tracks/t1/v2/hls/aac-64k-00000.m4s")).isFalse();
    assertThat(HlsLinks.isPlaylistKey("tracks/t1/v2/manifest.m3u8")).isFalse();
    assertThat(HlsLinks.isPlaylistKey("uploads/t1/v2/hls/master.m3u8")).isFalse();
    assertThat(HlsLinks.isPlaylistKey("tracks/t1/v2/hls/../../x.m3u8")).isFalse();
  }
}
