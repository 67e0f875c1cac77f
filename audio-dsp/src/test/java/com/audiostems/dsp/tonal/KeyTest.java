package com.audiostems.dsp.tonal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class KeyTest {

  @Test
  void namesAreTheConventionalSpellings() {
    assertThat(new Key(9, Mode.MINOR).name()).isEqualTo("A minor");
    assertThat(new Key(6, Mode.MAJOR).name()).isEqualTo("F# major");
    assertThat(new Key(10, Mode.MAJOR).name()).isEqualTo("Bb major");
    assertThat(new Key(1, Mode.MAJOR).name()).isEqualTo("Db major");
    assertThat(new Key(1, Mode.MINOR).name()).isEqualTo("C# minor");
    assertThat(new Key(8, Mode.MINOR).name()).isEqualTo("G# minor");
    assertThat(new Key(3, Mode.MINOR).name()).isEqualTo("Eb minor");
    assertThat(new HashSet<>(Key.all())).hasSize(24);
    for (int i = 0; i < 24; i++) {
      assertThat(Key.ofIndex(i).index()).isEqualTo(i);
    }
  }

  @Test
  void relations() {
    Key c = new Key(0, Mode.MAJOR);
    assertThat(c.relationTo(new Key(0, Mode.MAJOR))).isEqualTo(KeyRelation.SAME);
    assertThat(c.relationTo(new Key(9, Mode.MINOR))).isEqualTo(KeyRelation.RELATIVE);
    assertThat(new Key(9, Mode.MINOR).relationTo(c)).isEqualTo(KeyRelation.RELATIVE);
    assertThat(c.relationTo(new Key(0, Mode.MINOR))).isEqualTo(KeyRelation.PARALLEL);
    assertThat(c.relationTo(new Key(7, Mode.MAJOR))).isEqualTo(KeyRelation.FIFTH);
    assertThat(c.relationTo(new Key(5, Mode.MAJOR))).isEqualTo(KeyRelation.FIFTH);
    assertThat(new Key(9, Mode.MINOR).relationTo(new Key(4, Mode.MINOR)))
        .isEqualTo(KeyRelation.FIFTH);
    assertThat(c.relationTo(new Key(2, Mode.MAJOR))).isEqualTo(KeyRelation.OTHER);
    assertThat(c.relationTo(new Key(4, Mode.MINOR))).isEqualTo(KeyRelation.OTHER);
  }

  @Test
  void mirexScoreGivesPartialCreditForTheUsualNearMisses() {
    Key c = new Key(0, Mode.MAJOR);
    Key am = new Key(9, Mode.MINOR);
    assertThat(MirexKeyScore.score(c, c)).isEqualTo(1.0);
    assertThat(MirexKeyScore.score(c, new Key(7, Mode.MAJOR))).isEqualTo(0.5);
    assertThat(MirexKeyScore.score(am, new Key(4, Mode.MINOR))).isEqualTo(0.5);
    // Only the fifth above (the dominant) earns 0.5, as in MIREX and mir_eval.
    assertThat(MirexKeyScore.score(c, new Key(5, Mode.MAJOR))).isEqualTo(0.0);
    assertThat(MirexKeyScore.score(c, am)).isEqualTo(0.3);
    assertThat(MirexKeyScore.score(am, c)).isEqualTo(0.3);
    assertThat(MirexKeyScore.score(c, new Key(0, Mode.MINOR))).isEqualTo(0.2);
    assertThat(MirexKeyScore.score(c, new Key(7, Mode.MINOR))).isEqualTo(0.0);
    assertThat(MirexKeyScore.score(c, new Key(1, Mode.MAJOR))).isEqualTo(0.0);
  }
}
