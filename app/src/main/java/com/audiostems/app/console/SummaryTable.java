package com.audiostems.app.console;

import com.audiostems.workflows.analysis.TrackAnalysis;
import com.audiostems.workflows.media.AbsentOutput;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.quality.TrackQuality;
import com.audiostems.workflows.storage.TrackManifest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/** The table printed when a track is published: one row per output, measured from the files. */
public final class SummaryTable {
  private SummaryTable() {}

  public static void print(
      PrintStream out,
      TrackManifest manifest,
      Function<String, Path> pathOfKey,
      Path manifestPath) {
    var source = manifest.source();
    out.printf(
        Locale.ROOT,
        "%nTrack %s: %s, %s, %d Hz, %s, %d ch, %.2f s, tier %s%n%n",
        manifest.trackId(),
        source.originalFileName(),
        source.probe().codec(),
        source.probe().sampleRateHz(),
        source.probe().bitDepth() > 0 ? source.probe().bitDepth() + "-bit" : "lossy",
        source.probe().channels(),
        source.decodedDurationSeconds(),
        source.tier());
    String row = "%-16s %-10s %8s %5s %3s %9s %9s %10s  %s%n";
    out.printf(
        Locale.ROOT,
        row,
        "OUTPUT",
        "CODEC",
        "RATE",
        "BITS",
        "CH",
        "KBPS",
        "SECONDS",
        "BYTES",
        "FILE");
    for (EncodedOutput o : manifest.outputs()) {
      out.printf(
          Locale.ROOT,
          row,
          o.format().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          o.codec(),
          o.sampleRateHz(),
          o.bitDepth() > 0 ? String.valueOf(o.bitDepth()) : "-",
          o.channels(),
          String.format(Locale.ROOT, "%.0f", o.bitRateBps() / 1000.0),
          String.format(Locale.ROOT, "%.3f", o.durationSeconds()),
          o.bytes(),
          pathOfKey.apply(o.key()));
    }
    for (AbsentOutput absent : manifest.absentOutputs()) {
      out.printf(
          Locale.ROOT,
          "%-16s absent: %s%n",
          absent.format().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          absent.reason());
    }
    var checks = manifest.verification().checks();
    out.printf(
        Locale.ROOT,
        "%nVerified: %d outputs, %d of %d checks passed (%s).%n",
        checks.stream().map(c -> c.format()).distinct().count(),
        checks.stream().filter(c -> c.passed()).count(),
        checks.size(),
        String.join(", ", checks.stream().map(c -> c.method()).distinct().toList()));
    printAnalysis(out, manifest.analysis());
    printQuality(out, manifest.quality(), pathOfKey);
    out.printf(Locale.ROOT, "Stage times (ms): %s%n", manifest.stageMillis());
    out.printf(Locale.ROOT, "Manifest: %s%n", manifestPath);
  }

  /** One line per analysis family; a family the engine did not report is left out. */
  private static void printAnalysis(PrintStream out, TrackAnalysis a) {
    if (a == null) {
      return;
    }
    out.println();
    if (a.tempo() != null) {
      out.printf(
          Locale.ROOT,
          "Tempo:    %.1f BPM (confidence %.2f), %s, %d beats%n",
          a.tempo().bpm(),
          a.tempo().confidence(),
          a.tempo().beatsPerBar() > 0 ? a.tempo().beatsPerBar() + "/4" : "metre undecided",
          a.tempo().beatCount());
    }
    if (a.key() != null) {
      out.printf(
          Locale.ROOT,
          "Key:      %s (confidence %.2f; runner-up %s, %s), tuning %+.0f cents%n",
          a.key().name(),
          a.key().confidence(),
          a.key().runnerUp(),
          a.key().runnerUpRelation(),
          a.key().tuningOffsetCents());
    }
    if (a.loudness() != null) {
      out.printf(
          Locale.ROOT,
          "Loudness: %.1f LUFS integrated, LRA %.1f LU, true peak %.1f dBTP, PLR %.1f LU%n",
          a.loudness().integratedLufs(),
          a.loudness().loudnessRangeLu(),
          a.loudness().truePeakDbtp(),
          a.loudness().peakToLoudnessRatioLu());
    }
    if (a.energy() != null) {
      out.printf(
          Locale.ROOT,
          "Energy:   %.2f mean, %.2f max; %d sections%n",
          a.energy().meanEnergy(),
          a.energy().maxEnergy(),
          a.sections().size());
    }
    out.printf(Locale.ROOT, "Analysis: %s%n", a.assetKey());
  }

  /** The checks' verdict, its warnings and errors, and where the page is. */
  private static void printQuality(PrintStream out, TrackQuality q, Function<String, ?> pathOfKey) {
    if (q == null) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "Quality:  score %d, tier %s (effective %d-bit, %d Hz, bandwidth %.0f Hz)%n",
        q.score(),
        q.effectiveTier() == null ? "none" : q.effectiveTier().name().toLowerCase(Locale.ROOT),
        q.effective().bitDepth(),
        q.effective().sampleRateHz(),
        q.effective().bandwidthHz());
    q.findings().stream()
        .filter(f -> !f.severity().equals("info"))
        .forEach(
            f -> out.printf(Locale.ROOT, "  %-7s %-18s %s%n", f.severity(), f.code(), f.message()));
    out.printf(Locale.ROOT, "  report: %s%n", pathOfKey.apply(q.pageKey()));
  }
}
