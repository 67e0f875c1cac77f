package com.audiostems.app.commands;

import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.watermark.WatermarkKeyring;
import com.audiostems.activities.watermark.WatermarkReader;
import com.audiostems.activities.watermark.WatermarkRegistry;
import com.audiostems.app.AudiostemsProperties;
import com.audiostems.storage.LocalBlobStore;
import com.audiostems.storage.StorageSettings;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.watermark.WatermarkDetection;
import io.temporal.failure.ApplicationFailure;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems watermark detect FILE}: decodes the file through ffmpeg (whitelisted protocols,
 * the media time limit), looks for the mark with every configured key and prints what it found, the
 * track the registry of the local store names, and the presence timeline.
 */
@Component
public class WatermarkRunner {
  private final AudiostemsProperties properties;

  public WatermarkRunner(AudiostemsProperties properties) {
    this.properties = properties;
  }

  /**
   * Exit codes: 0 found, 3 no mark found, 2 not decodable audio or longer than the media duration
   * limit (the file is the problem), 1 failed.
   *
   * @param file an existing, readable regular file, absolute; refused over the input size limit
   * @param storeRoot the local store whose registry names the track of a found mark; null for
   *     {@code audiostems.storage.root}
   */
  public int run(Path file, Path storeRoot, PrintStream out, PrintStream err) throws Exception {
    MediaSettings media = properties.media().settings(properties.workDir());
    if (Files.size(file) > media.maxInputBytes()) {
      err.printf(
          Locale.ROOT,
          "audiostems: %s is %d bytes, over the input limit of %d (audiostems.media.max-input-size).%n",
          file,
          Files.size(file),
          media.maxInputBytes());
      return ExitCodes.REJECTED;
    }
    WatermarkKeyring keys;
    try {
      keys = properties.watermark().keyring(false); // detection never generates a key
    } catch (IllegalArgumentException e) {
      err.println("audiostems: no watermark key to detect with: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    Path registryRoot = registryRoot(storeRoot);
    WatermarkRegistry registry =
        registryRoot == null ? null : new WatermarkRegistry(new LocalBlobStore(registryRoot));
    Files.createDirectories(media.workDir());
    WatermarkDetection detection;
    try {
      detection =
          new WatermarkReader(new MediaProcessRunner(media), keys, registry).read(file, f -> {});
    } catch (ApplicationFailure e) {
      err.println(
          "audiostems: cannot read the audio of "
              + file.getFileName()
              + " ("
              + e.getType()
              + "): "
              + e.getOriginalMessage());
      boolean fileIsTheProblem =
          TrackFailures.CORRUPT_AUDIO.equals(e.getType())
              || TrackFailures.TOO_LONG.equals(e.getType());
      return fileIsTheProblem ? ExitCodes.REJECTED : ExitCodes.FAILED;
    }
    if (!detection.found()) {
      out.printf(
          Locale.ROOT,
          "No watermark found in %s (%.1f s searched with keys %s).%n",
          file.getFileName(),
          detection.durationSeconds(),
          keys.ids());
      return ExitCodes.NOT_FOUND;
    }
    print(file, detection, registryRoot, out);
    return ExitCodes.OK;
  }

  /**
   * The store whose registry resolves payloads: {@code --store}, else the configured local root;
   * null for S3.
   */
  private Path registryRoot(Path storeRoot) {
    if (storeRoot != null) {
      return storeRoot;
    }
    return properties.storage().kind() == StorageSettings.Kind.LOCAL
        ? properties.storage().root()
        : null;
  }

  static void print(Path file, WatermarkDetection found, Path storeRoot, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Watermark found in %s (%.1f s)%n",
        file.getFileName(),
        found.durationSeconds());
    out.printf(Locale.ROOT, "  payload:    %s (%s)%n", found.payloadId(), found.kind());
    out.printf(Locale.ROOT, "  key:        %s%n", found.keyId());
    if (found.trackId() != null) {
      out.printf(
          Locale.ROOT,
          "  track:      %s (registry %s in %s)%n",
          found.trackId(),
          BlobKeys.watermarkRegistryKey(found.payloadId()),
          storeRoot);
    } else {
      out.printf(
          Locale.ROOT,
          "  track:      unknown: %s has no registry object for this payload%n",
          storeRoot == null ? "no local store was given" : storeRoot.toString());
    }
    if (found.licenceId() != null) {
      out.printf(Locale.ROOT, "  licence:    %s%n", found.licenceId());
      out.printf(
          Locale.ROOT,
          "  licensee:   %s%n",
          found.licensee() != null ? found.licensee() : "unknown: no registry object names it");
    }
    out.printf(Locale.ROOT, "  confidence: z = %.1f%n", found.confidence());
    out.println("  timeline:");
    for (Region region : regions(found.timeline())) {
      out.printf(
          Locale.ROOT,
          "    %7.2f – %7.2f s  %s%n",
          region.startSeconds(),
          region.endSeconds(),
          region.marked() ? "marked" : "UNMARKED");
    }
  }

  /** Consecutive segments of the same state, as one region. */
  record Region(double startSeconds, double endSeconds, boolean marked) {}

  static List<Region> regions(List<WatermarkDetection.Segment> segments) {
    List<Region> regions = new ArrayList<>();
    for (WatermarkDetection.Segment s : segments) {
      Region last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
      if (last != null && last.marked() == s.marked()) {
        regions.set(
            regions.size() - 1, new Region(last.startSeconds(), s.endSeconds(), last.marked()));
      } else {
        regions.add(new Region(s.startSeconds(), s.endSeconds(), s.marked()));
      }
    }
    return regions;
  }
}
