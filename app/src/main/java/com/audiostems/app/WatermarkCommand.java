package com.audiostems.app;

import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.watermark.WatermarkKeyring;
import com.audiostems.activities.watermark.WatermarkReader;
import com.audiostems.activities.watermark.WatermarkRegistry;
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
 * {@code audiostems watermark detect FILE}: decodes the file through ffmpeg (whitelisted
 * protocols, the media time limit), looks for the mark with every configured key and prints what
 * it found, the track the registry of the local store names, and the presence timeline.
 */
@Component
public class WatermarkCommand {
  public static final int FOUND = 0;
  public static final int FAILED = 1;
  /** Not decodable audio, or longer than the media duration limit: the file is the problem. */
  public static final int NOT_AUDIO = 2;
  public static final int NOT_FOUND = 3;

  private final AudiostemsProperties properties;

  public WatermarkCommand(AudiostemsProperties properties) {
    this.properties = properties;
  }

  public int run(WatermarkOptions options, PrintStream out, PrintStream err) throws Exception {
    Path file = options.file().toAbsolutePath().normalize();
    // The one user path we open: an existing regular file (not a directory, device or pipe), within the input size limit.
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      err.println("audiostems: cannot read " + file + ": not an existing, readable regular file.");
      return ProcessCommand.NO_INPUT;
    }
    MediaSettings media = properties.media().settings(properties.workDir());
    if (Files.size(file) > media.maxInputBytes()) {
      err.printf(
          Locale.ROOT,
          "audiostems: %s is %d bytes, over the input limit of %d (audiostems.media.max-input-size).%n",
          file, Files.size(file), media.maxInputBytes());
      return NOT_AUDIO;
    }
    WatermarkKeyring keys;
    try {
      keys = properties.watermark().keyring(false); // detection never generates a key
    } catch (IllegalArgumentException e) {
      err.println("audiostems: no watermark key to detect with: " + e.getMessage());
      return FAILED;
    }
    Path storeRoot = registryRoot(options);
    WatermarkRegistry registry = storeRoot == null ? null : new WatermarkRegistry(new LocalBlobStore(storeRoot));
    Files.createDirectories(media.workDir());
    WatermarkDetection detection;
    try {
      detection = new WatermarkReader(new MediaProcessRunner(media), keys, registry).read(file, f -> {});
    } catch (ApplicationFailure e) {
      err.println("audiostems: cannot read the audio of " + file.getFileName() + " (" + e.getType() + "): " + e.getOriginalMessage());
      boolean fileIsTheProblem = TrackFailures.CORRUPT_AUDIO.equals(e.getType()) || TrackFailures.TOO_LONG.equals(e.getType());
      return fileIsTheProblem ? NOT_AUDIO : FAILED;
    }
    if (!detection.found()) {
      out.printf(
          Locale.ROOT,
          "No watermark found in %s (%.1f s searched with keys %s).%n",
          file.getFileName(), detection.durationSeconds(), keys.ids());
      return NOT_FOUND;
    }
    print(file, detection, storeRoot, out);
    return FOUND;
  }

  /** The store whose registry resolves payloads: {@code --store}, else the configured local root; null for S3. */
  private Path registryRoot(WatermarkOptions options) {
    if (options.storeRoot() != null) {
      return options.storeRoot();
    }
    return properties.storage().kind() == StorageSettings.Kind.LOCAL ? properties.storage().root() : null;
  }

  private static void print(Path file, WatermarkDetection found, Path storeRoot, PrintStream out) {
    out.printf(Locale.ROOT, "Watermark found in %s (%.1f s)%n", file.getFileName(), found.durationSeconds());
    out.printf(Locale.ROOT, "  payload:    %s (%s)%n", found.payloadId(), found.kind());
    out.printf(Locale.ROOT, "  key:        %s%n", found.keyId());
    if (found.trackId() != null) {
      out.printf(Locale.ROOT, "  track:      %s (registry %s in %s)%n", found.trackId(), BlobKeys.watermarkRegistryKey(found.payloadId()), storeRoot);
    } else {
      out.printf(
          Locale.ROOT, "  track:      unknown: %s has no registry object for this payload%n",
          storeRoot == null ? "no local store was given" : storeRoot.toString());
    }
    out.printf(Locale.ROOT, "  confidence: z = %.1f%n", found.confidence());
    out.println("  timeline:");
    for (Region region : regions(found.timeline())) {
      out.printf(Locale.ROOT, "    %7.2f – %7.2f s  %s%n", region.startSeconds(), region.endSeconds(), region.marked() ? "marked" : "UNMARKED");
    }
  }

  /** Consecutive segments of the same state, as one region. */
  record Region(double startSeconds, double endSeconds, boolean marked) {}

  static List<Region> regions(List<WatermarkDetection.Segment> segments) {
    List<Region> regions = new ArrayList<>();
    for (WatermarkDetection.Segment s : segments) {
      Region last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
      if (last != null && last.marked() == s.marked()) {
        regions.set(regions.size() - 1, new Region(last.startSeconds(), s.endSeconds(), last.marked()));
      } else {
        regions.add(new Region(s.startSeconds(), s.endSeconds(), s.marked()));
      }
    }
    return regions;
  }
}
