package com.audiostems.activities.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Test audio a watermark can hide in, and the tests' own ways to look at it. {@link
 * TestAudio#music} is a few pure partials below 500 Hz, nearly silent where the mark lives (0.7–7
 * kHz); this adds a seeded broadband layer (up to about 6 kHz) that pulses with the beat, as real
 * mixes have. A tag tone at 1 kHz stands some 40 dB above that layer in a narrow band, so it is
 * measurable.
 */
public final class MarkableAudio {
  private MarkableAudio() {}

  /** Interleaved samples: the music plus the broadband layer. Deterministic. */
  public static double[] samples(int sampleRateHz, int channels, double seconds) {
    double[] music = TestAudio.music(sampleRateHz, channels, seconds);
    long seed = 0xC0FFEEL;
    int frames = music.length / channels;
    // Two one-pole low-passes at 6 kHz: like a real mix, little energy is left where a 128k MP3
    // encoder cuts (above 16 kHz), so encoding does not move the loudness by itself.
    double pole = 1 - Math.exp(-2 * Math.PI * 6000.0 / sampleRateHz);
    double[][] state = new double[channels][2];
    for (int i = 0; i < frames; i++) {
      double t = (double) i / sampleRateHz;
      double beat = t * 4.0 - Math.floor(t * 4.0); // sixteenth notes at 120 BPM
      double envelope = 0.05 + 0.08 * Math.exp(-12.0 * beat);
      for (int c = 0; c < channels; c++) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        double noise = ((seed >>> 11) / (double) (1L << 53)) * 2 - 1;
        state[c][0] += pole * (noise - state[c][0]);
        state[c][1] += pole * (state[c][0] - state[c][1]);
        music[i * channels + c] =
            Math.max(-0.99, Math.min(0.99, music[i * channels + c] * 0.8 + envelope * state[c][1]));
      }
    }
    return music;
  }

  /** A 16-bit PCM WAV of {@link #samples}. */
  public static Path wav(Path file, int sampleRateHz, int channels, double seconds)
      throws IOException {
    return TestAudio.writeWav(
        file, samples(sampleRateHz, channels, seconds), sampleRateHz, 16, channels);
  }

  /**
   * The first audio stream of {@code file} as float channels, decoded by the system ffmpeg outside
   * the production decoder.
   */
  public static float[][] decode(Path file, int sampleRateHz, int channels) throws IOException {
    Process ffmpeg =
        new ProcessBuilder(
                List.of(
                    "ffmpeg",
                    "-nostdin",
                    "-v",
                    "error",
                    "-i",
                    file.toString(),
                    "-map",
                    "0:a:0",
                    "-ar",
                    Integer.toString(sampleRateHz),
                    "-ac",
                    Integer.toString(channels),
                    "-f",
                    "f32le",
                    "-"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] bytes;
    try (InputStream in = ffmpeg.getInputStream()) {
      bytes = in.readAllBytes();
    }
    int frames = bytes.length / 4 / channels;
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[][] out = new float[channels][frames];
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        out[c][i] = buffer.getFloat();
      }
    }
    return out;
  }

  /** Writes float channels as a 16-bit PCM WAV. */
  public static Path writeWav(Path file, float[][] channels, int sampleRateHz) throws IOException {
    int frames = channels[0].length;
    double[] interleaved = new double[frames * channels.length];
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels.length; c++) {
        interleaved[i * channels.length + c] = channels[c][i];
      }
    }
    return TestAudio.writeWav(file, interleaved, sampleRateHz, 16, channels.length);
  }

  /**
   * The amplitude, in dBFS, of the sinusoid at {@code hz} in {@code [startSeconds, startSeconds +
   * lengthSeconds)} of {@code x} (Goertzel over a Hann window, normalised so that a full-scale sine
   * reads 0 dB).
   */
  public static double toneLevelDb(
      float[] x, int sampleRateHz, double hz, double startSeconds, double lengthSeconds) {
    int start = (int) Math.round(startSeconds * sampleRateHz);
    int n = (int) Math.round(lengthSeconds * sampleRateHz);
    double w = 2 * Math.PI * hz / sampleRateHz;
    double re = 0;
    double im = 0;
    double windowSum = 0;
    for (int i = 0; i < n && start + i < x.length; i++) {
      double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
      re += hann * x[start + i] * Math.cos(w * i);
      im -= hann * x[start + i] * Math.sin(w * i);
      windowSum += hann;
    }
    double amplitude = 2 * Math.hypot(re, im) / windowSum;
    return 20 * Math.log10(Math.max(amplitude, 1e-12));
  }
}
