package com.audiostems.dsp.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The tempo model's input on envelopes whose answer is known: a click every half second (120 BPM)
 * has its autocorrelation peak at the 0.5 s lag and spectral peaks at 2 Hz and its harmonics.
 */
class TempogramTest {

  /** The rhythm front end's frame rate (11.6 ms hop). */
  private static final double RATE_HZ = 1 / RhythmFrontEnd.HOP_SECONDS;

  @Test
  void theGridRunsFrom30BpmAt48BinsAnOctaveWithAMarginOfATwelfthEitherSide() {
    assertThat(Tempogram.bpmOfClass(0)).isCloseTo(30, within(1e-9));
    assertThat(Tempogram.bpmOfClass(Tempogram.BINS_PER_OCTAVE)).isCloseTo(60, within(1e-9));
    assertThat(Tempogram.bpmOfClass(Tempogram.CLASSES - 1)).isBetween(284.0, 287.0);
    // x3 is 76.08 bins: the margin holds every class's x1/3 and x3 readings.
    assertThat(Tempogram.bpmOfBin(0) * 3).isCloseTo(Tempogram.bpmOfClass(0), within(0.1));
    for (int b = 0; b < Tempogram.BINS; b += 17) {
      assertThat(Tempogram.binOf(Tempogram.bpmOfBin(b))).isCloseTo(b, within(1e-9));
    }
  }

  @Test
  void aClickEveryHalfSecondPeaksAt120BpmInTheAutocorrelationAndTheSpectrum() {
    Tempogram t = Tempogram.of(clicks(120, 12), 120, 2);
    int at120 = (int) Math.round(Tempogram.binOf(120));
    for (int channel = 0; channel < 3; channel++) {
      float[] acf = t.values()[channel];
      // Among the classes, the beat's lag is the strongest (twice the lag is tapered away).
      assertThat(argmax(acf, Tempogram.MARGIN_BINS, Tempogram.MARGIN_BINS + Tempogram.CLASSES))
          .as("autocorrelation peak, channel %d", channel)
          .isBetween(at120 - 1, at120 + 1);
      assertThat(acf[at120]).isGreaterThan(0.5f);
    }
    for (int channel = 3; channel < 6; channel++) {
      float[] spectrum = t.values()[channel];
      assertThat(spectrum[at120]).as("spectrum at 2 Hz").isGreaterThan(0.8f);
      assertThat(spectrum[(int) Math.round(Tempogram.binOf(240))]).isGreaterThan(0.8f);
      assertThat(spectrum[(int) Math.round(Tempogram.binOf(90))]).isLessThan(0.2f);
    }
    assertThat(t.values()[6][at120]).as("the rules' bump").isGreaterThan(0.9f);
    assertThat(t.values()[6][at120 + 10]).isLessThan(0.01f);
    assertThat(t.values()[7][at120]).as("log2 onsets per beat").isCloseTo(0f, within(0.05f));
    assertThat(t.values()[8][(int) Math.round(Tempogram.binOf(110))]).isCloseTo(0f, within(0.02f));
  }

  @Test
  void aLongTrackIsMeasuredOnItsMiddleMinuteWindowByWindow() {
    Tempogram song = Tempogram.of(clicks(90, 300), 90, 1.5);
    Tempogram excerpt = Tempogram.of(clicks(90, 12), 90, 1.5);
    int at90 = (int) Math.round(Tempogram.binOf(90));
    // Each window normalised alike: a steady song reads as its excerpt does.
    assertThat(song.values()[0][at90]).isCloseTo(excerpt.values()[0][at90], within(0.05f));
    assertThat(song.values()[3][at90]).isCloseTo(excerpt.values()[3][at90], within(0.05f));
  }

  @Test
  void silenceGivesNoPeriodicityButKeepsTheGrid() {
    float[] zeros = new float[(int) (12 * RATE_HZ)];
    OnsetEnvelope e = new OnsetEnvelope(zeros, RATE_HZ);
    Tempogram t = Tempogram.of(new OnsetFeatures(e, e, e, new float[0][]), 0, 0);
    assertThat(t.values()).hasNumberOfRows(Tempogram.CHANNELS.size());
    for (int channel = 0; channel < 7; channel++) {
      for (float v : t.values()[channel]) {
        assertThat(v).isZero();
      }
    }
  }

  private static OnsetFeatures clicks(double bpm, double seconds) {
    float[] x = new float[(int) (seconds * RATE_HZ)];
    for (double s = 0.1; s < seconds; s += 60 / bpm) {
      x[(int) Math.round(s * RATE_HZ)] = 1;
    }
    OnsetEnvelope e = new OnsetEnvelope(x, RATE_HZ);
    return new OnsetFeatures(e, e, e, new float[0][]);
  }

  private static int argmax(float[] v, int from, int to) {
    int best = from;
    for (int i = from; i < to; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
