package com.audiostems.dsp.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Both mark versions are read by the one detector: marks written before version 2 existed (version
 * 1, which the embedder writes bit for bit as before) and version 2 marks, each reported with its
 * version; a wrong key finds neither.
 */
class MarkVersionTest {

  private static final Payload OTHER = Payload.ofHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

  @Test
  void aVersionOneMarkIsStillFoundAsVersionOne() {
    SynthesizedPiece p = WmAudio.piece(Style.POP_ROCK, 21, 16);
    float[][] m =
        new WatermarkEmbedder(MarkVersion.V1)
            .embed(p.channels(), p.sampleRateHz(), WmAudio.PAYLOAD, WmAudio.KEY);
    Detection d =
        new WatermarkDetector().detect(WmAudio.excerpt(m, 44100, 3.3, 10), 44100, WmAudio.KEY);
    assertEquals(WmAudio.PAYLOAD, d.payload());
    assertEquals(1, d.markVersion());
  }

  @Test
  void aVersionTwoMarkIsFoundAsVersionTwoAlsoAfterASpeedChange() throws Exception {
    long seed = Long.getLong("watermark.seed", System.nanoTime());
    System.out.println("speed drawn with -Dwatermark.seed=" + seed);
    double speed = 1 + (new SplittableRandom(seed).nextDouble() * 2 - 1) * 0.03;
    WatermarkEmbedder v2 = new WatermarkEmbedder(MarkVersion.V2);
    WatermarkDetector det = new WatermarkDetector();
    for (Style style : new Style[] {Style.ELECTRONIC, Style.BALLAD}) {
      SynthesizedPiece p = WmAudio.piece(style, 31, 24);
      float[][] m = v2.embed(p.channels(), p.sampleRateHz(), OTHER, WmAudio.KEY);
      Detection d = det.detect(WmAudio.excerpt(m, 44100, 2.7, 10), 44100, WmAudio.KEY);
      assertEquals(OTHER, d.payload(), style.name());
      assertEquals(2, d.markVersion(), style.name());
      assertTrue(
          d.timeline().stream().allMatch(Detection.Segment::marked), d.timeline().toString());
      float[][] fast =
          WmAudio.ffmpegSpeed(m, 44100, java.nio.file.Files.createTempDirectory("v2"), speed);
      Detection ds = det.detect(WmAudio.excerpt(fast, 44100, 4, 15), 44100, WmAudio.KEY);
      assertEquals(OTHER, ds.payload(), style.name() + " at speed " + speed);
      assertEquals(2, ds.markVersion());
      System.out.printf(
          "version 2 on %s: 10 s z %.1f errors %d/1024; speed %.4f found at %.4f z %.1f%n",
          style, d.confidence(), d.bitErrors(), speed, ds.speed(), ds.confidence());
    }
  }

  @Test
  void aWrongKeyFindsNeitherVersionInAVersionTwoMark() {
    SynthesizedPiece p = WmAudio.piece(Style.FUNK, 41, 20);
    float[][] m =
        new WatermarkEmbedder(MarkVersion.V2)
            .embed(p.channels(), p.sampleRateHz(), OTHER, WmAudio.KEY);
    WatermarkKey wrong = WatermarkKey.fromPassphrase("old", "a retired key");
    WatermarkDetector det = new WatermarkDetector();
    assertFalse(det.detect(m, 44100, wrong).found());
    for (int k = 0; k < 8; k++) {
      assertFalse(det.detect(WmAudio.excerpt(m, 44100, 0.5 + 1.1 * k, 10), 44100, wrong).found());
    }
  }

  @Test
  void theVersionsShareTheLayoutButNotTheCode() {
    Format.Layout lay = Format.layout(WmAudio.KEY);
    int[] v1 = MarkVersion.V1.slotBits(MarkVersion.V1.codeword(OTHER), lay);
    int[] v2 = MarkVersion.V2.slotBits(MarkVersion.V2.codeword(OTHER), lay);
    int same = 0;
    for (int s = 0; s < v1.length; s++) {
      same += v1[s] == v2[s] ? 1 : 0;
    }
    // unrelated codes agree on about half the slots: a version 2 mark reads as noise to version 1
    assertTrue(Math.abs(same - v1.length / 2) < v1.length / 10, same + " of " + v1.length);
    assertEquals(null, MarkVersion.V1.checked(MarkVersion.V2.info(OTHER)));
  }
}
