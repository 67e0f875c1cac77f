package com.audiostems.dsp.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of the section pipeline on hand-made inputs. */
class SectionPartsTest {

  @Test
  void noveltyPeaksAtAStepAndIsFlatAround() {
    double[][] blocks = new double[80][2];
    for (int i = 40; i < 80; i++) {
      blocks[i][0] = 10; // a 10 dB step at block 40
    }
    double[] n = FooteNovelty.curve(blocks, 8);
    int peak = 0;
    for (int i = 0; i < n.length; i++) {
      peak = n[i] > n[peak] ? i : peak;
    }
    assertThat(peak).isEqualTo(40);
    // Exactly at the step every cross pair differs by 10 dB and no within pair does.
    assertThat(n[40]).isEqualTo(10.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(n[10]).isEqualTo(0.0);
  }

  @Test
  void peaksRespectTheMinimumSectionLength() {
    double[] novelty = new double[120];
    double[] starts = new double[120];
    for (int i = 0; i < 120; i++) {
      starts[i] = i * 0.5;
    }
    novelty[40] = 20; // 20 s
    novelty[46] = 15; // 23 s: too close to 20 s, dropped
    novelty[80] = 10; // 40 s
    novelty[8] = 30; // 4 s: too close to the start
    List<Double> b = NoveltyPeaks.pick(novelty, starts, 60, 4, 1, 4, 8, 8);
    assertThat(b).containsExactly(20.0, 40.0);
  }

  @Test
  void smallBumpsBelowTheFloorAreNotBoundaries() {
    double[] novelty = new double[120];
    double[] starts = new double[120];
    for (int i = 0; i < 120; i++) {
      starts[i] = i * 0.5;
      novelty[i] = (i % 20 == 10) ? 3 : 0;
    }
    assertThat(NoveltyPeaks.pick(novelty, starts, 60, 4, 1, 4, 8, 8)).isEmpty();
  }

  @Test
  void repeatedSectionsShareALetter() {
    double[][] means = {{0, 0}, {20, 0}, {1, 0.5}, {0, 25}, {19, 1}};
    assertThat(SectionLabeler.labels(means)).containsExactly("A", "B", "A", "C", "B");
    assertThat(SectionLabeler.letter(27)).isEqualTo("B2");
  }

  @Test
  void rolesFollowPositionRepetitionAndEnergy() {
    List<String> labels = List.of("A", "B", "C", "B", "D", "C", "A");
    double[] energy = {0.3, 0.6, 1.0, 0.6, 0.7, 0.95, 0.3};
    assertThat(SectionRoles.roles(labels, energy))
        .containsExactly(
            SectionRole.INTRO,
            SectionRole.VERSE,
            SectionRole.CHORUS,
            SectionRole.VERSE,
            SectionRole.BRIDGE,
            SectionRole.CHORUS,
            SectionRole.OUTRO);
    assertThat(SectionRoles.roles(List.of("A"), new double[] {1}))
        .containsExactly(SectionRole.VERSE);
    // A one-off climax is the chorus when nothing loud repeats.
    assertThat(SectionRoles.roles(List.of("A", "B", "A"), new double[] {0.2, 1, 0.2}))
        .containsExactly(SectionRole.INTRO, SectionRole.CHORUS, SectionRole.OUTRO);
  }
}
