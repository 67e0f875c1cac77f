package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Writes the tempo-level features ({@link TempoLevels}) of every excerpt of a rendered tempo
 * material folder (training/tempo/make_material.py) to a CSV that training/tempo/train.py reads:
 * the pipeline's own feature code, so the model is trained on exactly what it will be given. Not a
 * test; run by {@code bench/tempo-features.sh MATERIAL_DIR OUT_CSV}.
 *
 * <p>Columns: id, song, split, truth_bpm, base_bpm, then {@code L<level>_<feature>} for each level
 * of {@link TempoLevels#RATIOS} and feature of {@link TempoLevels#FEATURE_NAMES}.
 *
 * <p>With a third argument, also the {@link Tempogram} of every excerpt to that CSV (the tempogram
 * model's input, training/tempo/train_tempogram.py): id, song, split, truth_bpm, base_bpm, then
 * {@code <channel>_<bin>} for each channel of {@link Tempogram#CHANNELS} and bin of the grid.
 * {@code --synth COUNT OUT_CSV [TEMPOGRAM_CSV]} writes the same for {@link TempoSynthFeatureDump}'s
 * pieces.
 */
public final class TempoFeatureDump {

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--synth")) {
      TempoSynthFeatureDump.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    Path material = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<String> labels = Files.readAllLines(material.resolve("labels.csv"));
    long analysedNanos = 0;
    double audioSeconds = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out);
        BufferedWriter g = args.length > 2 ? Files.newBufferedWriter(Path.of(args[2])) : null) {
      if (g != null) {
        g.write(tempogramHeader());
      }
      StringBuilder header = new StringBuilder("id,song,split,truth_bpm,base_bpm");
      for (int level = 0; level < TempoLevels.RATIOS.length; level++) {
        for (String name : TempoLevels.FEATURE_NAMES) {
          header.append(",L").append(level).append('_').append(name);
        }
      }
      w.write(header.append('\n').toString());
      for (String line : labels.subList(1, labels.size())) {
        String[] cols = line.split(",");
        MonoSignal mono = readMonoWav(material.resolve("audio").resolve(cols[0] + ".wav"));
        long t0 = System.nanoTime();
        RhythmAnalysis rhythm = RhythmAnalyzer.analyzeWithTempoLevels(mono);
        TempoLevels levels = rhythm.tempoLevels();
        analysedNanos += System.nanoTime() - t0;
        if (g != null) {
          g.write(tempogramRow(String.join(",", cols[0], cols[1], cols[2], cols[3]), rhythm));
        }
        audioSeconds += mono.durationSeconds();
        StringBuilder row = new StringBuilder();
        row.append(cols[0]).append(',').append(cols[1]).append(',').append(cols[2]).append(',');
        row.append(cols[3])
            .append(',')
            .append(String.format(Locale.ROOT, "%.4f", levels.baseBpm()));
        for (int level = 0; level < TempoLevels.RATIOS.length; level++) {
          for (int f = 0; f < TempoLevels.FEATURE_NAMES.size(); f++) {
            float v = levels.present() ? levels.features()[level][f] : 0f;
            row.append(',').append(String.format(Locale.ROOT, "%.6g", v));
          }
        }
        w.write(row.append('\n').toString());
      }
    }
    System.err.printf(
        Locale.ROOT,
        "%d excerpts, rhythm analysis %.0f× real time on this core%n",
        labels.size() - 1,
        audioSeconds / (analysedNanos / 1e9));
  }

  static String tempogramHeader() {
    StringBuilder header = new StringBuilder("id,song,split,truth_bpm,base_bpm");
    for (String channel : Tempogram.CHANNELS) {
      for (int b = 0; b < Tempogram.BINS; b++) {
        header.append(',').append(channel).append('_').append(b);
      }
    }
    return header.append('\n').toString();
  }

  /** {@code labels} (id, song, split, truth_bpm) then the rules' tempo and the tempogram. */
  static String tempogramRow(String labels, RhythmAnalysis rhythm) {
    StringBuilder row = new StringBuilder(labels);
    row.append(String.format(Locale.ROOT, ",%.4f", rhythm.tempoLevels().baseBpm()));
    for (float[] channel : rhythm.tempogram().values()) {
      for (float v : channel) {
        row.append(',').append(String.format(Locale.ROOT, "%.6g", v));
      }
    }
    return row.append('\n').toString();
  }

  /** A 16-bit PCM WAV, channels averaged, floats at full scale ±1. */
  public static MonoSignal readMonoWav(Path wav) throws IOException, UnsupportedAudioFileException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getSampleSizeInBits() != 16 || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
        throw new IOException(wav + ": expected 16-bit signed PCM, got " + f);
      }
      byte[] bytes = in.readAllBytes();
      int channels = f.getChannels();
      ByteBuffer b =
          ByteBuffer.wrap(bytes)
              .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      int frames = bytes.length / (2 * channels);
      float[] mono = new float[frames];
      for (int i = 0; i < frames; i++) {
        float sum = 0;
        for (int c = 0; c < channels; c++) {
          sum += b.getShort() / 32768f;
        }
        mono[i] = sum / channels;
      }
      return new MonoSignal(mono, (int) f.getSampleRate());
    }
  }
}
