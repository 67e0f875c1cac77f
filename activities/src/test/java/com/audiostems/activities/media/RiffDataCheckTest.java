package com.audiostems.activities.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.activities.testing.TestAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Header-declared audio sizes against the bytes present, on hand-built headers. */
class RiffDataCheckTest {
  @TempDir Path dir;

  @Test
  void completeWavPasses() throws IOException {
    Path wav = TestAudio.wav(dir.resolve("ok.wav"), 8_000, 16, 1, 0.5);

    assertThat(RiffDataCheck.check(wav)).isEmpty();
  }

  @Test
  void cutWavFallsShort() throws IOException {
    Path wav = TestAudio.wav(dir.resolve("cut.wav"), 8_000, 16, 1, 0.5); // 8,000 data bytes
    byte[] bytes = Files.readAllBytes(wav);
    Files.write(wav, Arrays.copyOf(bytes, 44 + 3_000));

    assertThat(RiffDataCheck.check(wav)).contains(new RiffDataCheck.Shortfall(8_000, 3_000));
  }

  @Test
  void oddSizedChunkBeforeTheDataIsPaddedOver() throws IOException {
    ByteBuffer wav = le(12 + 8 + 3 + 1 + 8 + 100);
    wav.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
    wav.put(ascii("LIST")).putInt(3).put(ascii("abc")).put((byte) 0);
    wav.put(ascii("data")).putInt(200).put(new byte[100]);

    assertThat(RiffDataCheck.check(write("odd.wav", wav)))
        .contains(new RiffDataCheck.Shortfall(200, 100));
  }

  @Test
  void streamingSizesMeanUntilTheEnd() throws IOException {
    ByteBuffer wav = le(12 + 8 + 100);
    wav.put(ascii("RIFF"))
        .putInt(-1)
        .put(ascii("WAVE"))
        .put(ascii("data"))
        .putInt(-1)
        .put(new byte[100]);

    assertThat(RiffDataCheck.check(write("stream.wav", wav))).isEmpty();
  }

  @Test
  void rf64TakesTheDataSizeFromDs64() throws IOException {
    ByteBuffer wav = le(12 + 8 + 28 + 8 + 100);
    wav.put(ascii("RF64")).putInt(-1).put(ascii("WAVE"));
    wav.put(ascii("ds64")).putInt(28).putLong(0).putLong(5_000_000_000L).putLong(0).putInt(0);
    wav.put(ascii("data")).putInt(-1).put(new byte[100]);

    assertThat(RiffDataCheck.check(write("big.wav", wav)))
        .contains(new RiffDataCheck.Shortfall(5_000_000_000L, 100));
  }

  @Test
  void aiffComparesItsSoundDataChunk() throws IOException {
    ByteBuffer aiff = ByteBuffer.allocate(12 + 8 + 50).order(ByteOrder.BIG_ENDIAN);
    aiff.put(ascii("FORM"))
        .putInt(0)
        .put(ascii("AIFF"))
        .put(ascii("SSND"))
        .putInt(408)
        .put(new byte[50]);

    assertThat(RiffDataCheck.check(write("cut.aiff", aiff)))
        .contains(new RiffDataCheck.Shortfall(408, 50));
  }

  @Test
  void otherFormatsAreNotChecked() throws IOException {
    ByteBuffer flac = le(64).put(ascii("fLaC"));

    assertThat(RiffDataCheck.check(write("x.flac", flac))).isEmpty();
  }

  private Path write(String name, ByteBuffer content) throws IOException {
    return Files.write(dir.resolve(name), content.array());
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] ascii(String id) {
    return id.getBytes(StandardCharsets.US_ASCII);
  }
}
