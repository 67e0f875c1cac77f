package com.audiostems.activities.bench;

import com.audiostems.activities.analysis.tempo.TempoDecision;
import com.audiostems.activities.analysis.tempo.TempoModel;
import com.audiostems.dsp.analysis.TrackAnalysisReport;
import com.audiostems.dsp.analysis.TrackAnalyzer;
import com.audiostems.dsp.rhythm.TempoFeatureDump;
import com.audiostems.dsp.signal.MonoSignal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Tempo accuracy on the held-out split of rendered tempo material (training/tempo/make_material.py:
 * songs never trained or tuned on), rules against the model, and the speed of the whole analysis
 * engine with the model on the CPU provider (not a test).
 *
 * <p>Accuracy1: within 4% of the MIDI tempo; Accuracy2: within 4% of it or of its ×2, ×½, ×3, ×⅓
 * (the MIREX definitions).
 *
 * <p>Usage: {@code bench/tempo-accuracy.sh MATERIAL_DIR [MATERIAL_DIR...]}
 */
public final class TempoAccuracyBenchmark {

  public static void main(String[] args) throws Exception {
    int n = 0;
    int[] rules = new int[2];
    int[] model = new int[2];
    int[] reported = new int[2];
    double audioSeconds = 0;
    long engineNanos = 0;
    long modelNanos = 0;
    // Thread CPU time, not wall time: the figures stay meaningful on a shared, loaded machine (the
    // model runs on this thread: one intra-op thread, see TempoModel).
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    try (TempoModel tempoModel = TempoModel.cpu()) {
      for (String dir : args) {
        Path material = Path.of(dir);
        List<String> labels = Files.readAllLines(material.resolve("labels.csv"));
        for (String line : labels.subList(1, labels.size())) {
          String[] c = line.split(",");
          if (!c[2].equals("test")) {
            continue;
          }
          double truth = Double.parseDouble(c[3]);
          MonoSignal mono =
              TempoFeatureDump.readMonoWav(material.resolve("audio").resolve(c[0] + ".wav"));
          long t0 = cpu.getCurrentThreadCpuTime();
          TrackAnalyzer analyzer = new TrackAnalyzer(mono.sampleRateHz(), 1);
          analyzer.accept(new float[][] {mono.samples()}, mono.samples().length);
          TrackAnalysisReport report = analyzer.finish();
          long t1 = cpu.getCurrentThreadCpuTime();
          TempoDecision decision = tempoModel.decide(report.rhythm());
          long t2 = cpu.getCurrentThreadCpuTime();
          engineNanos += t1 - t0;
          modelNanos += t2 - t1;
          audioSeconds += mono.durationSeconds();
          n++;
          score(rules, report.rhythm().tempoBpm(), truth);
          score(model, decision.modelBpm(), truth);
          score(reported, decision.bpm(), truth);
        }
      }
    }
    System.out.printf(Locale.ROOT, "Held-out excerpts: %d (%.0f s of audio)%n", n, audioSeconds);
    System.out.printf(
        Locale.ROOT,
        "Rules: Accuracy1 %.3f  Accuracy2 %.3f%n",
        (double) rules[0] / n,
        (double) rules[1] / n);
    System.out.printf(
        Locale.ROOT,
        "Model (its top reading): Accuracy1 %.3f  Accuracy2 %.3f  (%s, ONNX Runtime CPU"
            + " provider)%n",
        (double) model[0] / n,
        (double) model[1] / n,
        TempoModel.NAME);
    System.out.printf(
        Locale.ROOT,
        "Reported (the manifest's tempo.bpm): Accuracy1 %.3f  Accuracy2 %.3f%n",
        (double) reported[0] / n,
        (double) reported[1] / n);
    System.out.printf(
        Locale.ROOT,
        "Speed (thread CPU time): engine %.0f× real time, engine + model %.0f× real time on one"
            + " core; model %.3f ms per track%n",
        audioSeconds / (engineNanos / 1e9),
        audioSeconds / ((engineNanos + modelNanos) / 1e9),
        modelNanos / 1e6 / n);
  }

  private static void score(int[] hits, double bpm, double truth) {
    if (within(bpm, truth)) {
      hits[0]++;
    }
    for (double k : new double[] {1, 2, 0.5, 3, 1.0 / 3}) {
      if (within(bpm, truth * k)) {
        hits[1]++;
        return;
      }
    }
  }

  private static boolean within(double bpm, double truth) {
    return bpm > 0 && Math.abs(bpm / truth - 1) <= 0.04;
  }
}
