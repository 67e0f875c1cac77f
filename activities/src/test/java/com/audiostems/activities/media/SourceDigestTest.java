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
    Path wav32 = TestAudio.convert(source.copy(), tempDir.resolve("same-32.wav"), "-c:a", "pcm_s32le");
    double[] samples = TestAudio.music(48_000, 2, 1.5);
    samples[1000] += 1.0 / (1 << 23); // one 24-bit step on one sample
    Path changed = TestAudio.writeWav(tempDir.resolve("changed.wav"), samples, 48_000, 24, 2);

    assertThat(validated.decodedFrames()).isEqualTo(72_000);
    assertThat(validated.pcmDigest()).hasSize(32);
    for (Path same : List.of(flac, wav32)) {
      FullDecode.Outcome outcome = decode.decode(same, "0:a:0", 0, FullDecode.Strictness.STRICT, s -> {});
      assertThat(outcome.clean()).isTrue();
      assertThat(outcome.frames(48_000)).isEqualTo(72_000);
      assertThat(outcome.pcmDigest()).as(same.getFileName().toString()).isEqualTo(validated.pcmDigest());
    }
    assertThat(decode.decode(changed, "0:a:0", 0, FullDecode.Strictness.STRICT, s -> {}).pcmDigest())
        .isNotEqualTo(validated.pcmDigest());
  }
}
