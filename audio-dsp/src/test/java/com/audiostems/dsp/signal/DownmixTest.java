package com.audiostems.dsp.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownmixTest {

  @Test
  void theMonoMixIsTheMeanOfTheChannels() {
    float[][] stereo = {{1, 0.5f, -1}, {0, 0.5f, 1}};
    assertThat(Downmix.mono(stereo)).containsExactly(0.5f, 0.5f, 0f);
    float[] mono = {0.25f, -0.75f};
    assertThat(Downmix.mono(new float[][] {mono})).containsExactly(0.25f, -0.75f).isNotSameAs(mono);
    assertThat(Downmix.mono(new float[0][])).isEmpty();
  }

  @Test
  void blocksAreMixedIntoTheirPlace() {
    float[] out = new float[5];
    Downmix.mixInto(new float[][] {{1, 2, 99}, {3, 4, 99}, {5, 6, 99}}, 2, out, 2);
    assertThat(out).containsExactly(0f, 0f, 3f, 4f, 0f);
  }
}
