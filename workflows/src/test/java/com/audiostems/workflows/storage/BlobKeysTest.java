package com.audiostems.workflows.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.OutputFormat;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class BlobKeysTest {

  @Test
  void keysAreBuiltFromSafeParts() {
    assertThat(BlobKeys.sourceKey("abc-1", "My Song.WAV")).isEqualTo("uploads/abc-1/source.wav");
    assertThat(BlobKeys.sourceKey("abc-1", "../../etc/passwd")).isEqualTo("uploads/abc-1/source");
    assertThat(BlobKeys.sourceKey("abc-1", "x.w/../v")).isEqualTo("uploads/abc-1/source");
    assertThat(BlobKeys.outputKey("abc-1", 3, OutputFormat.FLAC))
        .isEqualTo("tracks/abc-1/v3/outputs/flac.flac");
    assertThat(BlobKeys.artworkKey("abc-1", "../x")).isEqualTo("tracks/abc-1/work/artwork.bin");
  }

  @Test
  void unsafeTrackIdsAreRejectedWithATypedFailure() {
    for (String bad : new String[] {"../x", "a/b", "", ".hidden", "a b", "x".repeat(65)}) {
      assertThatThrownBy(() -> BlobKeys.manifestKey(bad))
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              f -> assertThat(f.getType()).isEqualTo(TrackFailures.UNSAFE_KEY));
    }
  }

  @Test
  void theWaveformPeaksLiveBesideTheQualityReportOfTheVersionThatWroteIt() {
    String report = BlobKeys.qualityKey("t-1", 2, BlobKeys.QualityAsset.REPORT);
    assertThat(BlobKeys.qualitySibling(report, BlobKeys.QualityAsset.PEAKS))
        .isEqualTo("tracks/t-1/v2/quality/waveform.dat")
        .isEqualTo(BlobKeys.qualityKey("t-1", 2, BlobKeys.QualityAsset.PEAKS));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                BlobKeys.qualitySibling("tracks/t-1/v2/analysis.json", BlobKeys.QualityAsset.PEAKS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
