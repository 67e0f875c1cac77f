package com.audiostems.activities.media;

import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.HlsLadder;
import com.audiostems.workflows.media.HlsLadderPlan;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Makes an HLS ladder from PCM that is already made (the marked preview's samples): one ffmpeg
 * process reads it from a pipe and writes every variant's segments and media playlist ({@link
 * EncoderArguments#hlsLadderFromPcmPipe}); then each media playlist is checked against the plan's
 * names and limits, each variant is read back by ffprobe through its playlist, and the master
 * playlist is written from the measured segments. Nothing is stored here: the caller stores {@link
 * Ladder#files()} in their order, the master last, so that a master playlist in the store means a
 * complete ladder.
 */
public final class HlsLadderEncoder {
  /** RFC 6381 for AAC-LC (MPEG-4 audio object type 2): what the master playlist's CODECS says. */
  static final String AAC_LC_CODECS = "mp4a.40.2";

  private final MediaProcessRunner runner;
  private final AudioFileProbe probe;

  public HlsLadderEncoder(MediaProcessRunner runner) {
    this.runner = runner;
    this.probe = new AudioFileProbe(runner);
  }

  /** A file of the ladder and the key it is stored under. */
  public record LadderFile(String key, Path file) {}

  /**
   * The ladder as measured, and its files in the order to store them.
   *
   * @param ffmpegSeconds how long the encode ran
   */
  public record Ladder(HlsLadder ladder, List<LadderFile> files, double ffmpegSeconds) {}

  /**
   * @param pcm writes the samples, interleaved f32le at {@code sampleRateHz} and {@code channels}
   * @param seconds the samples' duration, for progress
   * @param directory an empty scratch directory for the ladder's files
   * @param watermarked what the manifest says of the samples
   * @param progress receives 0..1; what it throws stops ffmpeg and propagates
   */
  public Ladder encode(
      HlsLadderPlan plan,
      int sampleRateHz,
      int channels,
      double seconds,
      MediaProcessRunner.StdinWriter pcm,
      Path directory,
      boolean watermarked,
      DoubleConsumer progress)
      throws IOException {
    MediaSettings settings = runner.settings();
    Files.createDirectories(directory);
    // One ffmpeg process per rendition, side by side: ffmpeg's AAC encoder is single-threaded and a
    // process encodes its outputs in turn, so one process for the three renditions was the preview
    // lane's serial tail (13 s of one core on a 5-minute track); each process reads the same marked
    // samples from its own pipe.
    long started = System.nanoTime();
    List<Integer> rates = plan.bitRatesKbps();
    double[] done = new double[rates.size()];
    List<java.util.concurrent.Future<MediaProcessRunner.Result>> runs = new ArrayList<>();
    java.util.concurrent.ExecutorService processes =
        java.util.concurrent.Executors.newFixedThreadPool(
            rates.size(), Thread.ofPlatform().name("hls-rendition-", 0).daemon().factory());
    try {
      for (int i = 0; i < rates.size(); i++) {
        int index = i;
        HlsLadderPlan rendition =
            new HlsLadderPlan(
                plan.prefix(), plan.segmentSeconds(), List.of(rates.get(i)), plan.maxSegments());
        List<String> command = runner.ffmpegCommand();
        command.addAll(
            EncoderArguments.hlsLadderFromPcmPipe(rendition, sampleRateHz, channels, directory));
        runs.add(
            processes.submit(
                () ->
                    runner.run(
                        command,
                        settings.ffmpegTimeout(),
                        pcm,
                        stdout ->
                            FfmpegProgress.read(
                                stdout,
                                micros -> {
                                  synchronized (done) {
                                    done[index] =
                                        Math.max(
                                            0, Math.min(1, micros / 1e6 / Math.max(1e-9, seconds)));
                                    progress.accept(
                                        0.9 * java.util.Arrays.stream(done).average().orElse(0));
                                  }
                                }))));
      }
      for (int i = 0; i < runs.size(); i++) {
        MediaProcessRunner.Result result = awaitRendition(runs.get(i));
        if (!result.succeeded()) {
          throw new IOException(
              "ffmpeg could not encode the preview's HLS rendition at "
                  + rates.get(i)
                  + "k (exit "
                  + result.exitCode()
                  + "): "
                  + result.stderrTail());
        }
      }
    } finally {
      processes.shutdownNow();
    }
    double ffmpegSeconds = (System.nanoTime() - started) / 1e9;
    List<LadderFile> segments = new ArrayList<>();
    List<LadderFile> playlists = new ArrayList<>();
    List<HlsLadder.Variant> variants = new ArrayList<>();
    StringBuilder master =
        new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    for (int kbps : plan.bitRatesKbps()) {
      MediaPlaylist playlist = MediaPlaylist.read(directory, kbps, plan.maxSegments());
      long bytes = Files.size(directory.resolve(HlsLadderPlan.initName(kbps)));
      long peakBps = 0;
      double listedSeconds = 0;
      for (MediaPlaylist.Segment segment : playlist.segments()) {
        long segmentBytes = Files.size(directory.resolve(segment.name()));
        bytes += segmentBytes;
        listedSeconds += segment.seconds();
        peakBps = Math.max(peakBps, (long) Math.ceil(segmentBytes * 8 / segment.seconds()));
      }
      if (bytes >= settings.maxOutputBytes()) {
        throw ApplicationFailure.newNonRetryableFailure(
            "The preview's "
                + kbps
                + "k HLS variant reached the output size limit of "
                + settings.maxOutputBytes()
                + " bytes; the limit (maxOutputBytes) is too low for this preview.",
            TrackFailures.MEDIA_TOOL_LIMIT);
      }
      MeasuredAudio measured = probe.measure(directory.resolve(HlsLadderPlan.playlistName(kbps)));
      if (!"aac".equals(measured.codec()) || measured.channels() != channels) {
        throw new IOException(
            "ffprobe reads the "
                + kbps
                + "k HLS variant as "
                + measured.codec()
                + " with "
                + measured.channels()
                + " channels, not AAC with "
                + channels);
      }
      long averageBps = (long) Math.ceil(bytes * 8 / Math.max(1e-9, listedSeconds));
      master.append(
          String.format(
              Locale.ROOT,
              "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,CODECS=\"%s\"\n%s\n",
              peakBps,
              averageBps,
              AAC_LC_CODECS,
              HlsLadderPlan.playlistName(kbps)));
      String initKey = plan.prefix() + HlsLadderPlan.initName(kbps);
      String playlistKey = plan.prefix() + HlsLadderPlan.playlistName(kbps);
      segments.add(new LadderFile(initKey, directory.resolve(HlsLadderPlan.initName(kbps))));
      for (MediaPlaylist.Segment segment : playlist.segments()) {
        segments.add(
            new LadderFile(plan.prefix() + segment.name(), directory.resolve(segment.name())));
      }
      playlists.add(
          new LadderFile(playlistKey, directory.resolve(HlsLadderPlan.playlistName(kbps))));
      variants.add(
          new HlsLadder.Variant(
              kbps,
              AAC_LC_CODECS,
              peakBps,
              averageBps,
              playlistKey,
              initKey,
              playlist.segments().size(),
              measured.durationSeconds(),
              bytes));
    }
    Path masterFile = directory.resolve(HlsLadderPlan.MASTER);
    Files.writeString(masterFile, master.toString(), StandardCharsets.UTF_8);
    List<LadderFile> files = new ArrayList<>(segments);
    files.addAll(playlists);
    files.add(new LadderFile(plan.masterKey(), masterFile));
    progress.accept(1.0);
    return new Ladder(
        new HlsLadder(plan.masterKey(), "fmp4", plan.segmentSeconds(), watermarked, variants),
        List.copyOf(files),
        ffmpegSeconds);
  }

  /** A variant's media playlist as ffmpeg wrote it: its segments, in order. */
  record MediaPlaylist(List<Segment> segments) {
    record Segment(String name, double seconds) {}

    /**
     * Reads and checks it: the initialisation segment and the media segments carry the plan's
     * names, numbered from 0, and there are no more than the plan allows (compensation deletes only
     * those).
     */
    static MediaPlaylist read(Path directory, int kbps, int maxSegments) throws IOException {
      Path file = directory.resolve(HlsLadderPlan.playlistName(kbps));
      if (!Files.isRegularFile(file)) {
        throw new IOException("ffmpeg wrote no media playlist for the " + kbps + "k variant");
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      String map = "#EXT-X-MAP:URI=\"" + HlsLadderPlan.initName(kbps) + "\"";
      if (!lines.contains(map) || !lines.contains("#EXT-X-ENDLIST")) {
        throw new IOException(
            file.getFileName()
                + " lacks "
                + map
                + " or #EXT-X-ENDLIST: "
                + String.join("|", lines));
      }
      List<Segment> segments = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!line.startsWith("#EXTINF:")) {
          continue;
        }
        double seconds =
            Double.parseDouble(line.substring("#EXTINF:".length()).split(",", 2)[0].trim());
        String name = i + 1 < lines.size() ? lines.get(i + 1).trim() : "";
        String expected = HlsLadderPlan.segmentName(kbps, segments.size());
        if (!name.equals(expected)) {
          throw new IOException(
              file.getFileName() + " names segment " + name + " where " + expected + " belongs");
        }
        if (segments.size() == maxSegments) {
          throw ApplicationFailure.newNonRetryableFailure(
              "The preview's HLS ladder needs more than the "
                  + maxSegments
                  + " segments per variant planned from the validated duration: the preview"
                  + " decoded longer than the source did at validation.",
              TrackFailures.MEDIA_TOOL_LIMIT);
        }
        segments.add(new Segment(name, seconds));
      }
      if (segments.isEmpty()) {
        throw new IOException(file.getFileName() + " lists no segment");
      }
      return new MediaPlaylist(List.copyOf(segments));
    }
  }

  private static MediaProcessRunner.Result awaitRendition(
      java.util.concurrent.Future<MediaProcessRunner.Result> run) throws IOException {
    try {
      return run.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while the HLS renditions encoded");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("an HLS rendition's encoder failed", e.getCause());
    }
  }
}
