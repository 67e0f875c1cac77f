package com.audiostems.dsp.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.testing.music.Style;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WatermarkTest {

  static final Style[] STYLES = {
    Style.POP_ROCK, Style.ELECTRONIC, Style.BALLAD, Style.HIP_HOP, Style.AMBIENT, Style.FUNK
  };
  static final List<SynthesizedPiece> PIECES = new ArrayList<>();
  static final List<float[][]> MARKED = new ArrayList<>();

  @BeforeAll
  static void render() {
    WatermarkEmbedder emb = new WatermarkEmbedder();
    for (int i = 0; i < STYLES.length; i++) {
      SynthesizedPiece p = WmAudio.piece(STYLES[i], 11 + i, 24);
      PIECES.add(p);
      MARKED.add(emb.embed(p.channels(), p.sampleRateHz(), WmAudio.PAYLOAD, WmAudio.KEY));
    }
  }

  @Test
  void roundTripFullTrackAndExcerpt() {
    WatermarkDetector det = new WatermarkDetector();
    for (int i = 0; i < PIECES.size(); i++) {
      Detection full = det.detect(MARKED.get(i), 44100, WmAudio.KEY);
      assertTrue(full.found(), PIECES.get(i).label());
      assertEquals(WmAudio.PAYLOAD, full.payload());
      assertEquals("k2025", full.keyId());
      assertTrue(
          full.timeline().stream().allMatch(Detection.Segment::marked), full.timeline().toString());
      Detection ex =
          det.detect(WmAudio.excerpt(MARKED.get(i), 44100, 5.55, 10), 44100, WmAudio.KEY);
      assertEquals(WmAudio.PAYLOAD, ex.payload(), PIECES.get(i).label());
      System.out.printf(
          "round trip %-14s full z %.1f errors %d | 10 s excerpt z %.1f errors %d%n",
          PIECES.get(i).label(),
          full.confidence(),
          full.bitErrors(),
          ex.confidence(),
          ex.bitErrors());
    }
  }

  @Test
  void otherSampleRateAndPayloadBits() {
    SynthesizedPiece p = WmAudio.piece(Style.POP_ROCK, 77, 12);
    float[][] at48 = new float[2][];
    for (int c = 0; c < 2; c++) {
      at48[c] = Resampler.resample(p.channels()[c], 44100, 48000);
    }
    Payload other = Payload.ofHex("fedcba9876543210f0e1d2c3b4a59687");
    float[][] m = new WatermarkEmbedder().embed(at48, 48000, other, WmAudio.KEY);
    Detection d = new WatermarkDetector().detect(m, 48000, WmAudio.KEY);
    assertEquals(other, d.payload());
  }

  /**
   * Any speed change (resampled: pitch moves) and any time-stretch (pitch kept) within ±3 % is
   * found on 15 s excerpts, measured and undone: amounts drawn at random (the seed is printed; set
   * -Dwatermark.seed to replay one), applied by ffmpeg (asetrate + aresample, atempo).
   */
  @Test
  void anySpeedChangeOrTimeStretchWithinThreePercentIsFound() throws Exception {
    long seed = Long.getLong("watermark.seed", System.nanoTime());
    System.out.println("speed and stretch amounts drawn with -Dwatermark.seed=" + seed);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wm-scale");
    WatermarkDetector det = new WatermarkDetector();
    for (int i = 0; i < 6; i++) {
      boolean stretch = i % 2 == 1;
      double factor = 1 + (r.nextDouble() * 2 - 1) * 0.03;
      float[][] m = MARKED.get(i % MARKED.size());
      float[][] attacked =
          stretch
              ? WmAudio.ffmpegStretch(m, 44100, dir, factor)
              : WmAudio.ffmpegSpeed(m, 44100, dir, factor);
      Detection d = det.detect(WmAudio.excerpt(attacked, 44100, 3, 15), 44100, WmAudio.KEY);
      String what =
          String.format(
              "%s %.4f on %s (seed %d)",
              stretch ? "stretch" : "speed", factor, PIECES.get(i % PIECES.size()).label(), seed);
      assertEquals(WmAudio.PAYLOAD, d.payload(), what);
      // within 0.3 %: a 15 s excerpt 0.2 % off decodes unwarped, and atempo (WSOLA) is not exactly
      // linear
      assertEquals(factor, d.speed(), 0.003, what);
      System.out.printf(
          "%s: found at %s %.4f, z %.1f, errors %d%n",
          what, d.pitchKept() ? "stretch" : "speed", d.speed(), d.confidence(), d.bitErrors());
    }
  }

  /**
   * The injected listener hears one best sync statistic per stretch, speed and key; only marked
   * audio passes.
   */
  @Test
  void theSyncListenerHearsEveryScanAndOnlyTheMarkPassesTheThreshold() {
    List<Double> heard = new ArrayList<>();
    WatermarkDetector det = new WatermarkDetector(heard::add, WatermarkDetector.SPEEDS);
    WatermarkKey wrong = WatermarkKey.fromPassphrase("old", "a retired key");
    assertFalse(
        det.detect(
                WmAudio.excerpt(PIECES.get(0).channels(), 44100, 2, 10), 44100, WmAudio.KEY, wrong)
            .found());
    // the fixed speeds for both keys, then each key's likeliest speeds and stretches
    assertTrue(heard.size() > WatermarkDetector.SPEEDS.length * 2, heard.toString());
    assertTrue(
        heard.size() <= (WatermarkDetector.SPEEDS.length + ScaleSearch.KEEP) * 2, heard.toString());
    assertTrue(heard.stream().allMatch(s -> s < SyncScanner.MIN_SYNC_STAT), heard.toString());
    heard.clear();
    assertTrue(
        det.detect(WmAudio.excerpt(MARKED.get(0), 44100, 2, 10), 44100, WmAudio.KEY).found());
    assertEquals(1, heard.size(), heard.toString()); // found at the first speed
    assertTrue(heard.get(0) >= SyncScanner.MIN_SYNC_STAT, heard.toString());
  }

  @Test
  void wrongKeyFindsNothingAndRotationFindsTheRightKey() {
    WatermarkKey wrong = WatermarkKey.fromPassphrase("old", "a retired key");
    WatermarkDetector det = new WatermarkDetector();
    int checks = 0;
    for (int i = 0; i < MARKED.size(); i++) {
      assertFalse(det.detect(MARKED.get(i), 44100, wrong).found(), PIECES.get(i).label());
      checks++;
      for (int k = 0; k < 10; k++) {
        assertFalse(
            det.detect(WmAudio.excerpt(MARKED.get(i), 44100, 0.3 + 1.9 * k, 5), 44100, wrong)
                .found(),
            PIECES.get(i).label());
        checks++;
      }
    }
    System.out.printf(
        "wrong key: %d marked inputs (6 full pieces + 60 excerpts of 5 s), 0 detections%n", checks);
    Detection d =
        det.detect(WmAudio.excerpt(MARKED.get(0), 44100, 2, 12), 44100, wrong, WmAudio.KEY);
    assertEquals("k2025", d.keyId());
    assertEquals(WmAudio.PAYLOAD, d.payload());
  }

  /**
   * Unmarked audio: 1,020 excerpts of 3 s (6 pieces x 170 offsets, hop 0.12 s) and the 6 full
   * pieces, full detector (fixed speeds and the search over speed and stretch).
   */
  @Test
  void unmarkedAudioFindsNothing() {
    WatermarkDetector det = new WatermarkDetector();
    int n = 0;
    int hits = 0;
    double maxZ = 0;
    long t = System.nanoTime();
    for (SynthesizedPiece p : PIECES) {
      for (int k = 0; k < 170; k++) {
        Detection d =
            det.detect(WmAudio.excerpt(p.channels(), 44100, 0.4 + k * 0.12, 3), 44100, WmAudio.KEY);
        n++;
        if (d.found()) {
          hits++;
          maxZ = Math.max(maxZ, d.confidence());
        }
      }
    }
    for (int i = 0; i < PIECES.size(); i++) {
      n++;
      hits += det.detect(PIECES.get(i).channels(), 44100, WmAudio.KEY).found() ? 1 : 0;
    }
    System.out.printf(
        "unmarked: %d checks (%d x 3 s excerpts + %d full 24 s pieces), %d detections (max z %.1f), %.1f s%n",
        n, n - PIECES.size(), PIECES.size(), hits, maxZ, (System.nanoTime() - t) / 1e9);
    assertEquals(0, hits);
  }

  /**
   * Marked-signal SNR and the share of frames whose mark stays under the masking threshold in every
   * band.
   */
  @Test
  void inaudibility() {
    double[] snr = new double[PIECES.size()];
    long[] masking = new long[4];
    for (int i = 0; i < PIECES.size(); i++) {
      snr[i] = WmAudio.snrDb(PIECES.get(i).channels(), MARKED.get(i));
      long[] m = WmAudio.maskingCounts(PIECES.get(i).channels(), MARKED.get(i));
      for (int j = 0; j < 4; j++) {
        masking[j] += m[j];
      }
      System.out.printf("SNR %-14s %.1f dB%n", PIECES.get(i).label(), snr[i]);
    }
    double[] sorted = snr.clone();
    Arrays.sort(sorted);
    double median = 0.5 * (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]);
    System.out.printf(
        "mark SNR median %.1f dB (min %.1f, max %.1f); frames with every band under the masking threshold %.1f%%; bands under %.1f%%%n",
        median,
        sorted[0],
        sorted[sorted.length - 1],
        100.0 * masking[0] / masking[1],
        100.0 * masking[2] / masking[3]);
    assertTrue(median >= 30.0, "median SNR " + median);
  }

  /**
   * Tamper evidence: 4 s of the marked track replaced by unmarked audio shows up in the timeline.
   */
  @Test
  void timelineShowsAReplacedStretch() {
    assertSpliceShows("unmarked", PIECES.get(0).channels());
  }

  /**
   * Tamper evidence: a stretch marked with another payload (same key) or another key is foreign
   * too.
   */
  @Test
  void timelineShowsAStretchWithAnotherPayloadOrKey() {
    WatermarkEmbedder emb = new WatermarkEmbedder();
    float[][] o = PIECES.get(0).channels();
    assertSpliceShows(
        "other payload",
        emb.embed(o, 44100, Payload.ofHex("0123456789abcdef0123456789abcdef"), WmAudio.KEY));
    assertSpliceShows(
        "other key",
        emb.embed(
            o,
            44100,
            WmAudio.PAYLOAD,
            WatermarkKey.fromPassphrase("k-other", "another deployment")));
  }

  /** Replaces 10-14 s of the first marked piece by {@code foreign} and checks the timeline. */
  private static void assertSpliceShows(String what, float[][] o) {
    float[][] m = MARKED.get(0);
    float[][] t = new float[2][];
    int a = 10 * 44100;
    int b = 14 * 44100;
    for (int c = 0; c < 2; c++) {
      t[c] = m[c].clone();
      System.arraycopy(o[c], a, t[c], a, b - a);
    }
    Detection d = new WatermarkDetector().detect(t, 44100, WmAudio.KEY);
    assertEquals(WmAudio.PAYLOAD, d.payload());
    StringBuilder sb = new StringBuilder();
    int insideSegments = 0;
    for (Detection.Segment s : d.timeline()) {
      sb.append(
          String.format(
              "[%.1f-%.1f z %.1f %s] ",
              s.startSeconds(), s.endSeconds(), s.z(), s.marked() ? "marked" : "NOT"));
      boolean inside = s.startSeconds() >= 10 && s.endSeconds() <= 14;
      boolean outside = s.endSeconds() <= 10 || s.startSeconds() >= 14;
      if (inside) {
        insideSegments++;
        assertFalse(s.marked(), sb.toString());
      }
      if (outside) {
        assertTrue(s.marked(), sb.toString());
      }
    }
    assertTrue(insideSegments > 0, "no timeline segment within the replaced stretch: " + sb);
    System.out.println("timeline with 10-14 s replaced by " + what + ": " + sb);
  }
}
