package com.audiostems.dsp.structure;

import static com.audiostems.dsp.structure.TestMusic.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.audiostems.dsp.signal.Spectrogram;
import com.audiostems.dsp.signal.Stft;
import com.audiostems.dsp.spectral.SpectralAnalyzer;
import com.audiostems.dsp.spectral.SpectralFrames;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StructureAnalyzerTest {

  private static final float[] PAD_DRUMS_PAD =
      TestMusic.concat(
          TestMusic.pad(20, 0.05), TestMusic.drumsAndBass(20, 120, 1), TestMusic.pad(20, 0.05));

  private static Spectrogram spectrogram(float[] x) {
    return Stft.magnitudes(x, RATE_HZ, 2048, 512);
  }

  @Test
  void abruptChangesAreFoundWithinTwoSeconds() {
    StructureAnalysis a =
        StructureAnalyzer.analyze(
            spectrogram(PAD_DRUMS_PAD), TestMusic.loudnessPerSecondLufs(PAD_DRUMS_PAD));
    assertThat(a.boundariesSeconds()).hasSize(2);
    assertThat(a.boundariesSeconds()[0]).isCloseTo(20, within(2.0));
    assertThat(a.boundariesSeconds()[1]).isCloseTo(40, within(2.0));
    List<Section> s = a.sections();
    assertThat(s.get(0).startSeconds()).isZero();
    assertThat(s.get(2).endSeconds()).isCloseTo(60, within(0.1));
    assertThat(s.stream().map(Section::label).toList()).containsExactly("A", "B", "A");
    assertThat(s.stream().map(Section::role).toList())
        .containsExactly(SectionRole.INTRO, SectionRole.CHORUS, SectionRole.OUTRO);
    assertThat(s.get(1).relativeEnergy()).isEqualTo(1.0);
    assertThat(s.get(0).relativeEnergy()).isLessThan(0.5);
  }

  @Test
  void theLoudPartHasMoreEnergyThanTheQuietParts() {
    StructureAnalysis a =
        StructureAnalyzer.analyze(
            spectrogram(PAD_DRUMS_PAD), TestMusic.loudnessPerSecondLufs(PAD_DRUMS_PAD));
    EnergyCurve e = a.energy();
    assertThat(e.energyPerSecond()).hasSize(60);
    double quiet = e.meanEnergy(3, 17);
    double loud = e.meanEnergy(23, 37);
    double quietAgain = e.meanEnergy(43, 57);
    assertThat(loud).isGreaterThan(0.6);
    assertThat(quiet).isLessThan(0.1);
    assertThat(quietAgain).isLessThan(0.1);
    assertThat(e.trackEnergy()).isBetween(quiet, loud);
  }

  @Test
  void beatSynchronousBlocksFindTheSameBoundaries() {
    double[] beats = new double[120];
    for (int i = 0; i < beats.length; i++) {
      beats[i] = i * 0.5; // 120 BPM
    }
    StructureAnalysis a =
        StructureAnalyzer.analyze(
            spectrogram(PAD_DRUMS_PAD), TestMusic.loudnessPerSecondLufs(PAD_DRUMS_PAD), beats);
    assertThat(a.boundariesSeconds()).hasSize(2);
    assertThat(a.boundariesSeconds()[0]).isCloseTo(20, within(2.0));
    assertThat(a.boundariesSeconds()[1]).isCloseTo(40, within(2.0));
  }

  @Test
  void steadySignalsHaveNoBoundaries() {
    float[] noise = new float[60 * RATE_HZ];
    Random random = new Random(3);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (0.1 * random.nextGaussian());
    }
    for (float[] steady :
        List.of(TestMusic.pad(60, 0.1), TestMusic.drumsAndBass(60, 120, 2), noise)) {
      StructureAnalysis a =
          StructureAnalyzer.analyze(spectrogram(steady), TestMusic.loudnessPerSecondLufs(steady));
      assertThat(a.boundariesSeconds()).isEmpty();
      assertThat(a.sections()).hasSize(1);
      assertThat(a.sections().get(0).role()).isEqualTo(SectionRole.VERSE);
      assertThat(a.sections().get(0).label()).isEqualTo("A");
    }
  }

  @Test
  void reusingTheSpectralSweepGivesTheSameResult() {
    Spectrogram s = spectrogram(PAD_DRUMS_PAD);
    double[] loudness = TestMusic.loudnessPerSecondLufs(PAD_DRUMS_PAD);
    SpectralFrames frames = SpectralAnalyzer.frames(s, PAD_DRUMS_PAD);
    StructureAnalysis direct = StructureAnalyzer.analyze(s, loudness);
    StructureAnalysis reused = StructureAnalyzer.analyze(frames, loudness, null);
    assertThat(reused.sections()).isEqualTo(direct.sections());
    assertThat(reused.energy().energyPerSecond())
        .containsExactly(direct.energy().energyPerSecond());
  }

  @Test
  void silenceAndEmptyInputDoNotBreak() {
    float[] silence = new float[30 * RATE_HZ];
    StructureAnalysis a =
        StructureAnalyzer.analyze(spectrogram(silence), TestMusic.loudnessPerSecondLufs(silence));
    assertThat(a.sections()).hasSize(1);
    assertThat(a.energy().trackEnergy()).isZero();
    StructureAnalysis empty = StructureAnalyzer.analyze(spectrogram(new float[0]), new double[0]);
    assertThat(empty.energy().energyPerSecond()).isEmpty();
  }
}
