package com.audiostems.activities.watermark;

import com.audiostems.activities.analysis.PcmDecoder;
import com.audiostems.workflows.TrackFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The audible tag of a preview: a tone (or a configured sample) mixed into the PCM at a fixed
 * interval. The tag never makes the preview clip: where the music around a tag leaves too little
 * headroom for it, the music is lowered under the tag (with the tag's own fades) just enough.
 */
public final class PreviewTag {
  /** The tone's raised-cosine fade in and out: short, but long enough not to click. */
  static final double FADE_SECONDS = 0.02;

  /** Highest sample value music plus tag may reach. */
  static final float HEADROOM = 0.98f;

  private final PreviewTagSettings settings;

  /** One tag at the rate it was made for, mono, peak 1. */
  private final float[] shape;

  private final int sampleRateHz;

  private PreviewTag(PreviewTagSettings settings, float[] shape, int sampleRateHz) {
    this.settings = settings;
    this.shape = shape;
    this.sampleRateHz = sampleRateHz;
  }

  /**
   * The tag at {@code sampleRateHz}: the configured sample, decoded through {@code decoder}
   * (ffmpeg, whitelisted protocols, time limit), or the tone.
   *
   * @throws IllegalArgumentException when the sample file is missing, silent or longer than the
   *     interval
   */
  public static PreviewTag forRate(
      PreviewTagSettings settings, int sampleRateHz, PcmDecoder decoder) throws IOException {
    float[] shape =
        settings.sampleFile() == null
            ? tone(settings, sampleRateHz)
            : sample(settings, sampleRateHz, decoder);
    return new PreviewTag(settings, shape, sampleRateHz);
  }

  /**
   * Start times, in seconds, of the tags in a preview this long: half an interval in, then every
   * interval.
   */
  public static List<Double> startsSeconds(
      double durationSeconds, double intervalSeconds, double tagSeconds) {
    List<Double> starts = new ArrayList<>();
    for (double t = intervalSeconds / 2; t + tagSeconds <= durationSeconds; t += intervalSeconds) {
      starts.add(t);
    }
    return starts;
  }

  public double lengthSeconds() {
    return (double) shape.length / sampleRateHz;
  }

  /**
   * Mixes the tag into {@code channels} (in place) at every start; returns the starts used, in
   * seconds.
   */
  public List<Double> mixInto(float[][] channels) {
    int frames = channels.length == 0 ? 0 : channels[0].length;
    List<Double> starts =
        startsSeconds((double) frames / sampleRateHz, settings.intervalSeconds(), lengthSeconds());
    float gain = (float) Math.pow(10, settings.levelDb() / 20);
    for (double start : starts) {
      int offset = Math.min((int) Math.round(start * sampleRateHz), frames - shape.length);
      float peak = 0;
      for (float[] channel : channels) {
        for (int i = 0; i < shape.length; i++) {
          peak = Math.max(peak, Math.abs(channel[offset + i]));
        }
      }
      // Lower the music under the tag only as far as the tag's own peak needs room.
      float duck = peak + gain <= HEADROOM ? 1f : Math.max(0f, (HEADROOM - gain) / peak);
      for (float[] channel : channels) {
        for (int i = 0; i < shape.length; i++) {
          float musicGain = duck == 1f ? 1f : 1 - (1 - duck) * fade(i, shape.length);
          channel[offset + i] = channel[offset + i] * musicGain + gain * shape[i];
        }
      }
    }
    return starts;
  }

  /** 0 → 1 → 0 over a tag, with raised-cosine ramps of {@link #FADE_SECONDS}. */
  private float fade(int i, int length) {
    int ramp = Math.max(1, Math.min(length / 2, (int) Math.round(FADE_SECONDS * sampleRateHz)));
    int edge = Math.min(i, length - 1 - i);
    return edge >= ramp ? 1f : (float) (0.5 - 0.5 * Math.cos(Math.PI * edge / ramp));
  }

  private static IllegalArgumentException tooLong(Path file, PreviewTagSettings settings) {
    return new IllegalArgumentException(
        "The preview tag's sample-file "
            + file
            + " is not shorter than the tag interval of "
            + settings.intervalSeconds()
            + " s; use a shorter sample or a longer audiostems.watermark.preview-tag.interval");
  }

  private static float[] tone(PreviewTagSettings settings, int rate) {
    int length = (int) Math.round(settings.toneLength().toMillis() / 1000.0 * rate);
    int ramp = Math.max(1, Math.min(length / 2, (int) Math.round(FADE_SECONDS * rate)));
    float[] tone = new float[length];
    for (int i = 0; i < length; i++) {
      int edge = Math.min(i, length - 1 - i);
      double envelope = edge >= ramp ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / ramp);
      tone[i] = (float) (envelope * Math.sin(2 * Math.PI * settings.toneHz() * i / rate));
    }
    return tone;
  }

  private static float[] sample(PreviewTagSettings settings, int rate, PcmDecoder decoder)
      throws IOException {
    Path file = settings.sampleFile();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "The preview tag's sample-file "
              + file
              + " is not a readable file; fix audiostems.watermark.preview-tag.sample-file");
    }
    int maxFrames =
        (int) Math.min(Integer.MAX_VALUE - 8, (long) (settings.intervalSeconds() * rate));
    PcmBuffer pcm = new PcmBuffer(1, rate, 0, maxFrames);
    try {
      decoder.decodeAt(file, rate, 1, 0, "as the preview tag's sample", pcm, f -> {});
    } catch (ApplicationFailure e) {
      if (!TrackFailures.TOO_LONG.equals(e.getType())) {
        throw e;
      }
      throw tooLong(file, settings);
    }
    if (pcm.frames() >= maxFrames) {
      throw tooLong(file, settings);
    }
    float[] shape = pcm.channels()[0];
    float peak = 0;
    for (float v : shape) {
      peak = Math.max(peak, Math.abs(v));
    }
    if (peak < 1e-4f) {
      throw new IllegalArgumentException("The preview tag's sample-file " + file + " is silent");
    }
    for (int i = 0; i < shape.length; i++) {
      shape[i] /= peak;
    }
    return shape;
  }
}
