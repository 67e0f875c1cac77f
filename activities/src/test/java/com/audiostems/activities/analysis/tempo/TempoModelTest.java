package com.audiostems.activities.analysis.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import com.audiostems.dsp.rhythm.TempoLevels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed tempo model on ONNX Runtime's CPU provider, against held-out feature vectors that
 * training/tempo/train.py --vectors wrote (excerpts of songs in the test split, never trained or
 * tuned on, with the probabilities numpy computed from the same weights).
 */
class TempoModelTest {
  private static TempoModel model;
  private static List<Vector> vectors;

  /** One held-out excerpt: its MIDI tempo, the rules' tempo, numpy's probabilities, features. */
  record Vector(String id, double truthBpm, double baseBpm, float[] expected, float[][] levels) {}

  @BeforeAll
  static void load() throws IOException {
    model = TempoModel.cpu();
    vectors = readVectors();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void theCpuProviderGivesTheProbabilitiesTheTrainingComputed() {
    assertThat(model.executionProvider()).isEqualTo("CPU");
    float[][][] batch = new float[vectors.size()][][];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = vectors.get(i).levels();
    }
    float[][] p = model.probabilities(batch);
    for (int i = 0; i < p.length; i++) {
      double sum = 0;
      for (int level = 0; level < p[i].length; level++) {
        assertThat((double) p[i][level])
            .as("%s level %d", vectors.get(i).id(), level)
            .isCloseTo(
                vectors.get(i).expected()[level],
                org.assertj.core.data.Offset.offset(TempoModel.PROVIDER_TOLERANCE));
        sum += p[i][level];
      }
      assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  /**
   * The point of the model: on songs it never saw it picks the MIDI's beat more often than the
   * rules it starts from, and loses no excerpt to a wrong octave family (Accuracy2).
   */
  @Test
  void onHeldOutSongsTheModelReadsTheBeatMoreOftenThanTheRules() {
    int modelRight = 0;
    int rulesRight = 0;
    int modelRelated = 0;
    int rulesRelated = 0;
    for (Vector v : vectors) {
      TempoDecision d = model.decide(new TempoLevels(v.baseBpm(), v.levels()));
      modelRight += within4Percent(d.modelBpm(), v.truthBpm()) ? 1 : 0;
      rulesRight += within4Percent(v.baseBpm(), v.truthBpm()) ? 1 : 0;
      modelRelated += octaveRelated(d.modelBpm(), v.truthBpm()) ? 1 : 0;
      rulesRelated += octaveRelated(v.baseBpm(), v.truthBpm()) ? 1 : 0;
    }
    assertThat(modelRight).as("Accuracy1 hits of model vs rules").isGreaterThan(rulesRight);
    assertThat(modelRelated)
        .as("Accuracy2 hits of model vs rules")
        .isGreaterThanOrEqualTo(rulesRelated);
  }

  @Test
  void theDecisionNamesTheHalfOrDoubleReadingWithItsProbability() {
    Vector v = vectors.get(0);
    TempoDecision d = model.decide(new TempoLevels(v.baseBpm(), v.levels()));
    assertThat(d.readings()).hasSize(TempoLevels.RATIOS.length);
    assertThat(d.bpm()).isEqualTo(v.baseBpm());
    assertThat(d.readings().get(0).bpm()).isEqualTo(d.modelBpm());
    assertThat(d.readings().get(0).probability()).isEqualTo(d.modelProbability());
    assertThat(d.probability()).isBetween(0.0, d.modelProbability());
    double ratio = d.alternativeBpm() / d.bpm();
    assertThat(d.alternativeRelation()).isEqualTo(ratio < 1 ? "half" : "double");
    assertThat(ratio).isIn(0.5, 2.0);
    assertThat(d.alternativeProbability()).isBetween(0.0, d.modelProbability());
    assertThat(d.model()).isEqualTo(TempoModel.NAME);
  }

  @Test
  void noPulseGivesNoTempo() {
    TempoDecision d = model.decide(new TempoLevels(0, new float[0][]));
    assertThat(d.bpm()).isZero();
    assertThat(d.readings()).isEmpty();
  }

  /**
   * What the GPU pool opens: CUDA where this ONNX Runtime build and the host have it, CPU here
   * (this build ships the CPU provider; no GPU in CI), with the same probabilities.
   */
  @Test
  void askingForCudaRunsOnCudaWhereAvailableAndOnCpuOtherwiseWithTheSameResults() {
    boolean cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    try (TempoModel gpuPool = TempoModel.open(TempoModel.Provider.CUDA_IF_AVAILABLE)) {
      assertThat(gpuPool.executionProvider()).isIn(cuda ? List.of("CUDA", "CPU") : List.of("CPU"));
      float[][][] batch = new float[vectors.size()][][];
      for (int i = 0; i < batch.length; i++) {
        batch[i] = vectors.get(i).levels();
      }
      float[][] a = gpuPool.probabilities(batch);
      float[][] b = model.probabilities(batch);
      for (int i = 0; i < a.length; i++) {
        for (int level = 0; level < a[i].length; level++) {
          assertThat((double) a[i][level])
              .isCloseTo(
                  b[i][level], org.assertj.core.data.Offset.offset(TempoModel.PROVIDER_TOLERANCE));
        }
      }
    }
  }

  static boolean within4Percent(double bpm, double truth) {
    return Math.abs(bpm / truth - 1) <= 0.04;
  }

  static boolean octaveRelated(double bpm, double truth) {
    for (double k : new double[] {1, 2, 0.5, 3, 1.0 / 3}) {
      if (within4Percent(bpm, truth * k)) {
        return true;
      }
    }
    return false;
  }

  static List<Vector> readVectors() throws IOException {
    try (InputStream in = TempoModelTest.class.getResourceAsStream("heldout-vectors.csv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      int levels = TempoLevels.RATIOS.length;
      int features = TempoLevels.FEATURE_NAMES.size();
      List<Vector> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",");
        float[] expected = new float[levels];
        for (int l = 0; l < levels; l++) {
          expected[l] = Float.parseFloat(c[3 + l]);
        }
        float[][] x = new float[levels][features];
        for (int l = 0; l < levels; l++) {
          for (int f = 0; f < features; f++) {
            x[l][f] = Float.parseFloat(c[3 + levels + l * features + f]);
          }
        }
        out.add(new Vector(c[0], Double.parseDouble(c[1]), Double.parseDouble(c[2]), expected, x));
      }
      assertThat(out).as("held-out vectors").hasSizeGreaterThanOrEqualTo(20);
      return out;
    }
  }
}
