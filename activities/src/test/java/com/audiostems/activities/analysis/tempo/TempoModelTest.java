package com.audiostems.activities.analysis.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import com.audiostems.dsp.rhythm.Tempogram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed tempo model on ONNX Runtime's CPU provider, against held-out tempograms that
 * training/tempo/train_tempogram.py --vectors wrote (excerpts of songs in the test split, never
 * trained or tuned on, with the probabilities and tempo numpy computed from the same weights).
 */
class TempoModelTest {
  private static TempoModel model;
  private static List<Vector> vectors;

  /**
   * One held-out excerpt: its MIDI tempo, the rules' tempo, numpy's tempo and probabilities, and
   * the Java tempogram they came from.
   */
  record Vector(
      String id,
      double truthBpm,
      double baseBpm,
      double modelBpm,
      float[] expected,
      float[][] tempogram) {}

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
      batch[i] = vectors.get(i).tempogram();
    }
    float[][] p = model.probabilities(batch);
    for (int i = 0; i < p.length; i++) {
      assertThat(p[i]).hasSize(Tempogram.CLASSES);
      double sum = 0;
      for (int k = 0; k < p[i].length; k++) {
        assertThat((double) p[i][k])
            .as("%s class %d", vectors.get(i).id(), k)
            .isCloseTo(
                vectors.get(i).expected()[k],
                org.assertj.core.data.Offset.offset(TempoModel.PROVIDER_TOLERANCE));
        sum += p[i][k];
      }
      assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));
      // The trainer's reading of its own probabilities (argmax and parabola), to 0.1 %.
      assertThat(TempoModel.likeliestBpm(p[i]))
          .as(vectors.get(i).id())
          .isCloseTo(
              vectors.get(i).modelBpm(),
              org.assertj.core.data.Offset.offset(1e-3 * vectors.get(i).modelBpm()));
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
      TempoDecision d = model.decide(new Tempogram(v.tempogram()), v.baseBpm());
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
    TempoDecision d = model.decide(new Tempogram(v.tempogram()), v.baseBpm());
    assertThat(d.readings()).hasSize(TempoModel.READING_RATIOS.length);
    assertThat(d.readings())
        .extracting(TempoDecision.Reading::bpm)
        .anySatisfy(bpm -> assertThat(bpm).isEqualTo(d.bpm()));
    double sum = d.readings().stream().mapToDouble(TempoDecision.Reading::probability).sum();
    assertThat(sum).isBetween(0.0, 1.0 + 1e-6);
    assertThat(d.probability()).isBetween(0.0, 1.0);
    assertThat(d.modelProbability()).isBetween(0.0, 1.0);
    double ratio = d.alternativeBpm() / d.bpm();
    assertThat(d.alternativeRelation()).isEqualTo(ratio < 1 ? "half" : "double");
    assertThat(ratio).isIn(0.5, 2.0);
    assertThat(d.alternativeProbability()).isBetween(0.0, 1.0 - d.probability() + 1e-6);
    assertThat(d.model()).isEqualTo(TempoModel.NAME);
  }

  @Test
  void noPulseGivesNoTempo() {
    TempoDecision d =
        model.decide(new Tempogram(new float[Tempogram.CHANNELS.size()][Tempogram.BINS]), 0);
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
        batch[i] = vectors.get(i).tempogram();
      }
      float[][] a = gpuPool.probabilities(batch);
      float[][] b = model.probabilities(batch);
      for (int i = 0; i < a.length; i++) {
        for (int k = 0; k < a[i].length; k++) {
          assertThat((double) a[i][k])
              .isCloseTo(
                  b[i][k], org.assertj.core.data.Offset.offset(TempoModel.PROVIDER_TOLERANCE));
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
    try (InputStream in = TempoModelTest.class.getResourceAsStream("heldout-tempograms.csv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      int classes = Tempogram.CLASSES;
      int channels = Tempogram.CHANNELS.size();
      int bins = Tempogram.BINS;
      List<Vector> out = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",");
        assertThat(c).as("columns of a held-out vector").hasSize(4 + classes + channels * bins);
        float[] expected = new float[classes];
        for (int k = 0; k < classes; k++) {
          expected[k] = Float.parseFloat(c[4 + k]);
        }
        float[][] x = new float[channels][bins];
        for (int ch = 0; ch < channels; ch++) {
          for (int b = 0; b < bins; b++) {
            x[ch][b] = Float.parseFloat(c[4 + classes + ch * bins + b]);
          }
        }
        out.add(
            new Vector(
                c[0],
                Double.parseDouble(c[1]),
                Double.parseDouble(c[2]),
                Double.parseDouble(c[3]),
                expected,
                x));
      }
      assertThat(out).as("held-out vectors").hasSizeGreaterThanOrEqualTo(20);
      return out;
    }
  }
}
