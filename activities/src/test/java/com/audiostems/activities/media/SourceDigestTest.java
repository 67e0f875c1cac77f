package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.workflows.media.ValidatedSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation's digest of the source (ffmpeg's hash muxer) and the verifier's digest of an output
 * (Java SHA-256 over ffmpeg's s32le stream) are two mechanisms; bit-exact verification relies on
 * them agreeing for the same samples.
 */
class SourceDigestTest {
  @TempDir Path tempDir;

  @Test
  void validationDigestsTheSamplesAsTheVerifierDoes() throws Exception {
    EncodeFixture fixture = new EncodeFixture(tempDir);
    EncodeFixture.Source source = fixture.wav("digest", 48_000, 24, 2, 1.5);

    ValidatedSource validated = fixture.verifyRequest(source, List.of()).source();
    PcmDecoder.Decoded decoded = new PcmDecoder(fixture.runner).decode(source.copy(), 0, f -> {});

    assertThat(decoded.clean()).isTrue();
    assertThat(validated.decodedFrames()).isEqualTo(72_000).isEqualTo(decoded.frames(2));
    assertThat(validated.pcmSha256()).hasSize(64).isEqualTo(decoded.pcm().sha256());
  }
}
