package com.audiostems.dsp.quality;

import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * The lossy-transcode rule on lossless synthesiser renders and their transcodes (issue 15), split
 * into a tuning set and a held-out set, plus the quality defect suite's transcodes. Renders General
 * MIDI with fluidsynth (single-programme pieces and multi-instrument songs from a MIDI folder),
 * encodes them with LAME (128-320k) and ffmpeg's AAC (128-256k), decodes to 16-bit WAV, caches all
 * of it under the work folder, and prints per file the rule's verdict and evidence, then counts per
 * set. Run: bench/transcode-alarm.sh WORK_DIR [MIDI_DIR]
 */
public final class TranscodeAlarmBench {
  private static final Path SF2 = Path.of("/usr/share/sounds/sf2");
  private static final Path SF3 = Path.of("/usr/share/sounds/sf3");

  record Render(String set, String font, String name, int rateHz, Path midi) {}

  record Row(String set, String name, boolean lossless, QualityReport report) {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args[0]));
    Path midiDir = args.length > 1 ? Path.of(args[1]) : null;
    List<Render> renders = corpus(work, midiDir);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<List<Row>>> futures = new ArrayList<>();
    for (Render r : renders) {
      futures.add(pool.submit(() -> judge(work, r)));
    }
    for (String[] codec :
        new String[][] {
          {"mp3-128", "libmp3lame", "128k", ".mp3"},
          {"mp3-192", "libmp3lame", "192k", ".mp3"},
          {"mp3-320", "libmp3lame", "320k", ".mp3"},
          {"aac-128", "aac", "128k", ".m4a"}
        }) {
      for (PieceSpec p : QualityDefectSuiteTest.PIECES) {
        for (int rate : new int[] {44_100, 48_000}) {
          futures.add(
              pool.submit(
                  () -> {
                    float[][] x = MusicSynth.render(p.withSampleRate(rate)).channels();
                    Path tmp = Files.createTempDirectory("ta");
                    float[][] y =
                        Defects.ffmpeg(
                            x,
                            rate,
                            tmp,
                            p.label() + codec[0] + rate,
                            List.of("-c:a", codec[1], "-b:a", codec[2], codec[3]),
                            List.of("-ar", "" + rate),
                            false);
                    return List.of(
                        new Row(
                            "defect-suite",
                            p.label() + " " + codec[0] + " " + rate,
                            false,
                            QualityChecker.check(y, rate, 16, null)));
                  }));
        }
      }
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (Future<List<Row>> f : futures) {
      for (Row row : f.get()) {
        boolean accused = !row.report().findings(LossyTranscodeCheck.CODE).isEmpty();
        int[] c = counts.computeIfAbsent(row.set(), k -> new int[4]);
        c[row.lossless() ? 0 : 2]++;
        c[row.lossless() ? 1 : 3] += accused ? 1 : 0;
        System.out.println(describe(row, accused));
      }
    }
    pool.shutdown();
    counts.forEach(
        (set, c) ->
            System.out.printf(
                Locale.ROOT,
                "%-13s lossless %3d accused %3d | transcodes %3d caught %3d (%.1f %%)%n",
                set,
                c[0],
                c[1],
                c[2],
                c[3],
                c[2] == 0 ? 0 : 100.0 * c[3] / c[2]));
  }

  static String describe(Row row, boolean accused) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-12s %-46s %-8s %-7s |",
                row.set(),
                row.name(),
                row.lossless() ? "lossless" : "lossy",
                accused ? "ACCUSED" : "-"));
    row.report().measurements().entrySet().stream()
        .filter(e -> e.getKey().startsWith("cutoff."))
        .forEach(
            e ->
                s.append(' ')
                    .append(e.getKey().substring(7))
                    .append('=')
                    .append(String.format(Locale.ROOT, "%.4g", e.getValue())));
    return s.toString();
  }

  /** The renders: tuning (programmes 0, 16, ... and a drum kit) and held-out (others, songs). */
  static List<Render> corpus(Path work, Path midiDir) throws Exception {
    List<Render> out = new ArrayList<>();
    Path mids = Files.createDirectories(work.resolve("midi"));
    for (int p = 0; p < 128; p += 16) {
      Path tune = writeMidi(mids.resolve("tune-p" + p + ".mid"), p, false, p);
      Path held = writeMidi(mids.resolve("held-p" + (p + 5) + ".mid"), p + 5, false, 3000 + p);
      for (String font : List.of("FluidR3_GM.sf2", "TimGM6mb.sf2")) {
        out.add(new Render("tuning", font, "p" + p, 44_100, tune));
      }
      out.add(new Render("tuning", "FluidR3_GM.sf2", "p" + p, 48_000, tune));
      for (String font : List.of("FluidR3_GM.sf2", "TimGM6mb.sf2", "MuseScore_General_Full.sf3")) {
        out.add(new Render("held-out", font, "p" + (p + 5), 44_100, held));
      }
      out.add(new Render("held-out", "TimGM6mb.sf2", "p" + (p + 5), 48_000, held));
    }
    // A second held-out set, made after the first had been looked at (other programmes, seeds).
    for (int p = 10; p < 128; p += 16) {
      Path held = writeMidi(mids.resolve("held2-p" + p + ".mid"), p, false, 5000 + p);
      for (String font : List.of("FluidR3_GM.sf2", "TimGM6mb.sf2", "MuseScore_General_Full.sf3")) {
        out.add(new Render("held-out-2", font, "p" + p, p % 32 == 10 ? 44_100 : 48_000, held));
      }
    }
    Path held2Drums = writeMidi(mids.resolve("held2-drums.mid"), 0, true, 5007);
    for (String font : List.of("FluidR3_GM.sf2", "TimGM6mb.sf2", "MuseScore_General_Full.sf3")) {
      out.add(new Render("held-out-2", font, "drums", 48_000, held2Drums));
    }
    Path tuneDrums = writeMidi(mids.resolve("tune-drums.mid"), 0, true, 7);
    Path heldDrums = writeMidi(mids.resolve("held-drums.mid"), 0, true, 3007);
    for (String font : List.of("FluidR3_GM.sf2", "TimGM6mb.sf2")) {
      out.add(new Render("tuning", font, "drums", 44_100, tuneDrums));
    }
    for (String font : List.of("FluidR3_GM.sf2", "TimGM6mb.sf2", "MuseScore_General_Full.sf3")) {
      out.add(new Render("held-out", font, "drums", 44_100, heldDrums));
    }
    if (midiDir != null) {
      List<Path> songs;
      try (var s = Files.list(midiDir)) {
        songs = s.filter(f -> f.toString().endsWith(".mid")).sorted().limit(12).toList();
      }
      int i = 0;
      for (Path song : songs) {
        String set = i < 6 ? "held-out" : "held-out-2";
        Path m = orchestrate(song, mids.resolve("song-" + i + ".mid"), 11 + i);
        for (String font :
            List.of("FluidR3_GM.sf2", "TimGM6mb.sf2", "MuseScore_General_Full.sf3")) {
          out.add(new Render(set, font, "song" + i, i % 2 == 0 ? 44_100 : 48_000, m));
        }
        i++;
      }
    }
    return out;
  }

  /** The render and its transcodes, each decoded to 16-bit WAV at the render's rate. */
  static List<Row> judge(Path work, Render r) throws Exception {
    String id =
        r.set() + "-" + r.font().replaceAll("\\..*", "") + "-" + r.name() + "-" + r.rateHz();
    Path dir = Files.createDirectories(work.resolve(id));
    Path render = dir.resolve("render.wav");
    Path font = (r.font().endsWith(".sf3") ? SF3 : SF2).resolve(r.font());
    if (!Files.exists(render)) {
      run(
          List.of(
              "fluidsynth",
              "-q",
              "-ni",
              "-F",
              render.toString(),
              "-r",
              String.valueOf(r.rateHz()),
              font.toString(),
              r.midi().toString()));
    }
    String name = r.font().replaceAll("\\..*", "") + "/" + r.name() + "@" + r.rateHz() / 100 / 10.0;
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(r.set(), name, true, check(render, r.rateHz())));
    String[][] codecs = {
      {"mp3-128", "libmp3lame", "128k", "mp3"},
      {"mp3-192", "libmp3lame", "192k", "mp3"},
      {"mp3-256", "libmp3lame", "256k", "mp3"},
      {"mp3-320", "libmp3lame", "320k", "mp3"},
      {"aac-128", "aac", "128k", "m4a"},
      {"aac-192", "aac", "192k", "m4a"},
      {"aac-256", "aac", "256k", "m4a"}
    };
    for (String[] c : codecs) {
      Path decoded = dir.resolve(c[0] + ".wav");
      if (!Files.exists(decoded)) {
        Path coded = dir.resolve(c[0] + "." + c[3]);
        ffmpeg(render, coded, "-c:a", c[1], "-b:a", c[2]);
        ffmpeg(coded, decoded, "-c:a", "pcm_s16le", "-ar", String.valueOf(r.rateHz()));
        Files.delete(coded);
      }
      rows.add(new Row(r.set(), name + " " + c[0], false, check(decoded, r.rateHz())));
    }
    return rows;
  }

  static QualityReport check(Path wav, int rateHz) throws Exception {
    float[][] x = decode(wav, rateHz);
    return QualityChecker.check(x, rateHz, 16, null);
  }

  /** A format-0 MIDI file: 20 seeded notes or chords on one programme, or the GM drum kit. */
  static Path writeMidi(Path file, int program, boolean drums, long seed) throws Exception {
    Sequence sequence = new Sequence(Sequence.PPQ, 480);
    Track track = sequence.createTrack();
    int channel = drums ? 9 : 0;
    track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), 0));
    Random random = new Random(seed);
    int[] kit = {35, 36, 38, 40, 42, 44, 46, 49, 51, 57};
    long tick = 0;
    for (int i = 0; i < 20; i++) {
      int count = drums ? 1 + random.nextInt(2) : 1 + random.nextInt(3);
      int velocity = 40 + random.nextInt(88);
      long length = 120L * (1 + random.nextInt(4));
      for (int k = 0; k < count; k++) {
        int note = drums ? kit[random.nextInt(kit.length)] : 28 + random.nextInt(72);
        track.add(
            new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, note, velocity), tick));
        track.add(
            new MidiEvent(
                new ShortMessage(ShortMessage.NOTE_OFF, channel, note, 0), tick + length));
      }
      tick += length;
    }
    track.add(new MidiEvent(new MetaMessage(0x2F, new byte[0], 0), tick + 960));
    MidiSystem.write(sequence, 0, file.toFile());
    return file;
  }

  /**
   * A song's first ~20 s with each track on its own channel and seeded GM programme, plus a drum
   * track doubling the first track's rhythm: a multi-instrument render.
   */
  static Path orchestrate(Path song, Path out, long seed) throws Exception {
    Sequence in = MidiSystem.getSequence(song.toFile());
    Sequence seq = new Sequence(in.getDivisionType(), in.getResolution());
    Random random = new Random(seed);
    long maxTick = (long) (20e6 / Math.max(1, in.getMicrosecondLength()) * in.getTickLength());
    int channel = 0;
    for (Track t : in.getTracks()) {
      Track copy = seq.createTrack();
      int ch = channel++ % 15;
      ch = ch >= 9 ? ch + 1 : ch;
      copy.add(
          new MidiEvent(
              new ShortMessage(ShortMessage.PROGRAM_CHANGE, ch, random.nextInt(128), 0), 0));
      for (int i = 0; i < t.size(); i++) {
        MidiEvent e = t.get(i);
        MidiMessage m = e.getMessage();
        if (e.getTick() > maxTick) {
          continue;
        }
        if (m instanceof ShortMessage sm) {
          int cmd = sm.getCommand();
          if (cmd == ShortMessage.NOTE_ON || cmd == ShortMessage.NOTE_OFF) {
            copy.add(
                new MidiEvent(
                    new ShortMessage(cmd, ch, sm.getData1(), sm.getData2()), e.getTick()));
          }
        } else if (m instanceof MetaMessage mm && mm.getType() == 0x51) {
          copy.add(e);
        }
      }
      // All notes off where the excerpt ends: note-offs past it were dropped.
      for (int note = 0; note < 128; note++) {
        copy.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, ch, note, 0), maxTick));
      }
      copy.add(new MidiEvent(new MetaMessage(0x2F, new byte[0], 0), maxTick + 960));
    }
    MidiSystem.write(seq, 1, out.toFile());
    return out;
  }

  static float[][] decode(Path file, int rateHz) throws Exception {
    Process p =
        new ProcessBuilder(
                "ffmpeg",
                "-v",
                "error",
                "-i",
                file.toString(),
                "-f",
                "f32le",
                "-ac",
                "2",
                "-ar",
                String.valueOf(rateHz),
                "-")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] bytes = p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException("ffmpeg could not decode " + file);
    }
    FloatBuffer samples = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    int frames = samples.remaining() / 2;
    float[][] x = new float[2][frames];
    for (int i = 0; i < frames; i++) {
      x[0][i] = samples.get();
      x[1][i] = samples.get();
    }
    return x;
  }

  static void ffmpeg(Path in, Path out, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y", "-i", in.toString()));
    command.addAll(List.of(args));
    command.add(out.toString());
    run(command);
  }

  static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + "\n" + output);
    }
  }
}
