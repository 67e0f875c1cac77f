package com.audiostems.workflows.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.storage.BlobKeys;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The preview payload's layout and the registry's keys. */
class PreviewPayloadsTest {

  @Test
  void thePayloadIsTheKindTheLayoutAndFourteenBytesOfTheTrackIdsDigest() throws Exception {
    String payload = PreviewPayloads.forTrack("night-drive");
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest("audiostems-track:night-drive".getBytes(StandardCharsets.UTF_8));

    assertThat(payload)
        .hasSize(32)
        .startsWith("0101")
        .endsWith(HexFormat.of().formatHex(digest, 0, 14));
    assertThat(PreviewPayloads.isPayloadId(payload)).isTrue();
    assertThat(PreviewPayloads.kindOf(payload)).isEqualTo("preview");
    assertThat(PreviewPayloads.kindOf("7f" + payload.substring(2))).isEqualTo("unknown (0x7f)");
    assertThat(
            PreviewPayloads.kindOf(
                com.audiostems.workflows.licence.LicencePayloads.forLicence("ab".repeat(15))))
        .isEqualTo("licence");
    assertThat(PreviewPayloads.forTrack("night-drive-2")).isNotEqualTo(payload);
  }

  @Test
  void registryKeysAreMadeOnlyFromWellFormedPayloadIds() {
    String payload = PreviewPayloads.forTrack("t-1");
    assertThat(BlobKeys.watermarkRegistryKey(payload)).isEqualTo("watermarks/" + payload + ".json");
    for (String bad :
        new String[] {"../../etc/passwd", payload.toUpperCase(), payload + "0", "", null}) {
      assertThatThrownBy(() -> BlobKeys.watermarkRegistryKey(bad))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> assertThat(f.getType()).isEqualTo(TrackFailures.UNSAFE_KEY));
    }
  }

  @Test
  void theVersionOfAnOutputKey() {
    assertThat(
            BlobKeys.versionOfOutputKey(BlobKeys.outputKey("t-1", 3, OutputFormat.PREVIEW_MP3_128)))
        .isEqualTo(3);
    assertThat(BlobKeys.versionOfOutputKey("uploads/t-1/source.wav")).isZero();
  }
}
