package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import com.audiostems.workflows.media.ValidatedSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest that validation takes of the source is what bit-exact verification compares outputs
 * with: it must be the same for the same samples in another container and depth, and differ when
 * one sample differs.
 */
class SourceDigestTest {
  @TempDir Path tempDir;

  @Test
  void theDigestFollowsTheSamplesNotTheContainer() throws Exception {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("digest", 48_000, 24, 2, 1.5);
    FullDecode decode = new FullDecode(fixture.runner);

    ValidatedSource validated = fixture.verifyRequest(source, List.of()).source();
    Path flac = TestAudio.convert(source.copy(), tempDir.resolve("same.flac"), "-c:a", "flac");
    Path wav32 =
        TestAudio.convert(source.copy(), tempDir.resolve("same-32.wav"), "-c:a", "pcm_s32le");
    double[] samples = TestAudio.music(48_000, 2, 1.5);
    samples[1000] += 1.0 / (1 << 23); // one 24-bit step on one sample
    Path changed = TestAudio.writeWav(tempDir.resolve("changed.wav"), samples, 48_000, 24, 2);

    assertThat(validated.decodedFrames()).isEqualTo(72_000);
    assertThat(validated.pcmDigest()).hasSize(32);
    for (Path same : List.of(flac, wav32)) {
      FullDecode.Outcome outcome =
          decode.decode(same, "0:a:0", 0, FullDecode.Strictness.STRICT, s -> {});
      assertThat(outcome.clean()).isTrue();
      assertThat(outcome.frames(48_000)).isEqualTo(72_000);
      assertThat(outcome.pcmDigest())
          .as(same.getFileName().toString())
          .isEqualTo(validated.pcmDigest());
    }
    assertThat(
            decode.decode(changed, "0:a:0", 0, FullDecode.Strictness.STRICT, s -> {}).pcmDigest())
        .isNotEqualTo(validated.pcmDigest());
  }

  /** asetpts=N/SR/TB in a FLAC's time base counted 58751 frames as 58750 (a float truncated). */
  @Test
  void framesAreCountedExactlyWhateverTheContainersTimeBase() throws Exception {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    FullDecode decode = new FullDecode(fixture.runner);
    double[] samples = TestAudio.music(44_100, 2, 58_751 / 44_100.0);
    Path wav = TestAudio.writeWav(tempDir.resolve("odd.wav"), samples, 44_100, 16, 2);
    Path flac = TestAudio.convert(wav, tempDir.resolve("odd.flac"), "-c:a", "flac");
    Path ogg = TestAudio.convert(wav, tempDir.resolve("odd.ogg"), "-c:a", "libvorbis");

    for (Path file : List.of(wav, flac, ogg)) {
      FullDecode.Outcome outcome =
          decode.decode(file, "0:a:0", 0, FullDecode.Strictness.STRICT, s -> {});
      assertThat(outcome.frames(44_100)).as(file.getFileName().toString()).isEqualTo(58_751);
    }
  }
}
