package com.audiostems.dsp.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.dsp.testing.music.AccuracySuite;
import org.junit.jupiter.api.Test;

/**
 * The rhythm analysis on the whole synthetic accuracy suite ({@link AccuracySuite#pieces()}):
 * prints the table and totals and fails when the algorithm regresses.
 *
 * <p>The aim is Accuracy1 ≥ 95%. It is NOT reached yet: the floors below are the figures measured
 * when this test was written (Accuracy1 93.2% = 41 of 44, Accuracy2 95.5%, metre 95.5%, beat F
 * 0.924, on the suite of synth commit 2a35917), so that a regression fails the build; raise them
 * as the algorithm improves.
 */
class TempoAccuracyTest {

  static final double AIM_ACCURACY1_PERCENT = 95;

  @Test
  void tempoBeatsAndMetreOnTheAccuracySuite() {
    SuiteEvaluation.Totals totals = SuiteEvaluation.run(AccuracySuite.pieces());
    System.out.print(SuiteEvaluation.table(totals));
    if (totals.accuracy1() < AIM_ACCURACY1_PERCENT) {
      System.out.printf("Accuracy1 %.1f%% is below the aim of %.0f%%%n", totals.accuracy1(), AIM_ACCURACY1_PERCENT);
    }
    assertThat(totals.accuracy1()).as("Accuracy1 %").isGreaterThanOrEqualTo(93.0);
    assertThat(totals.accuracy2()).as("Accuracy2 %").isGreaterThanOrEqualTo(95.0);
    assertThat(totals.metreAccuracy()).as("metre accuracy %").isGreaterThanOrEqualTo(93.0);
    assertThat(totals.meanBeatF()).as("beat F-measure").isGreaterThanOrEqualTo(0.90);
  }
}
