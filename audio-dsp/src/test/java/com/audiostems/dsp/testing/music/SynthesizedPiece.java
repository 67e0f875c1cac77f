package com.audiostems.dsp.testing.music;

import com.audiostems.dsp.signal.Downmix;
import com.audiostems.dsp.signal.MonoSignal;

/**
 * A rendered piece: stereo PCM in [-1, 1] (peak at -1 dBFS), its rate, its exact truth and the spec
 * it came from.
 *
 * @param channels {@code [2][samples]}, left then right
 */
public record SynthesizedPiece(
    float[][] channels, int sampleRateHz, GroundTruth truth, PieceSpec spec) {

  public int frameCount() {
    return channels[0].length;
  }

  public double durationSeconds() {
    return (double) frameCount() / sampleRateHz;
  }

  /** The mono downmix, as the analysers take it. */
  public MonoSignal mono() {
    return new MonoSignal(Downmix.mono(channels), sampleRateHz);
  }

  public String label() {
    return spec.label();
  }
}
