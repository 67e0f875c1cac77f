package com.audiostems.dsp.testing.music;

import com.audiostems.dsp.testing.music.Score.Drum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Renders a {@link PieceSpec} to stereo PCM with its exact {@link GroundTruth}. Deterministic: the
 * same spec (seed included) gives the same samples, bit for bit.
 *
 * <p>The pipeline: {@link Arranger} writes the score in beats; each event's beat position is swung
 * (off-beat eighths, or sixteenths in funk, move; beats do not), mapped to seconds through the
 * {@link TempoMap} (drift) and humanised by the spec's jitter; instruments are synthesised into the
 * stereo bus with constant-power panning and a reverb send; the mix gets a faint noise floor (no
 * real recording is digitally silent) and is peak-normalised to -1 dBFS.
 */
public final class MusicSynth {

  /** Peak level of every rendered piece: -1 dBFS, leaving headroom as mastered music does. */
  public static final double PEAK = Math.pow(10, -1 / 20.0);

  private MusicSynth() {}

  /** Renders the piece. */
  public static SynthesizedPiece render(PieceSpec spec) {
    return new Renderer(spec, true).render();
  }

  /** Without the final normalisation: for checking the balance of parts against each other. */
  static SynthesizedPiece renderUnnormalised(PieceSpec spec) {
    return new Renderer(spec, false).render();
  }

  private static final class Renderer {
    private final PieceSpec spec;
    private final int sr;
    private final int n;
    private final TempoMap map;
    private final float[] left;
    private final float[] right;
    private final float[] sendLeft;
    private final float[] sendRight;
    private final RandomGenerator timing;
    private final List<Double> onsets = new ArrayList<>();
    private final List<Double> kicks = new ArrayList<>();

    private final boolean normalise;

    Renderer(PieceSpec spec, boolean normalise) {
      this.spec = spec;
      this.normalise = normalise;
      this.sr = spec.sampleRateHz();
      this.n = (int) Math.round(spec.durationSeconds() * sr);
      this.map = spec.tempoMap();
      this.left = new float[n];
      this.right = new float[n];
      this.sendLeft = new float[n];
      this.sendRight = new float[n];
      this.timing = Rng.of(spec.seed(), "timing");
    }

    /**
     * Swing as a piecewise-linear warp of each beat (or half beat for sixteenth swing): the
     * midpoint moves from 1/2 to 1/2 + swing/6 (full swing = triplet feel), the ends stay put.
     */
    double swung(double beat) {
      double s = spec.swing();
      if (s == 0) {
        return beat;
      }
      double unit = spec.style().swingsSixteenths() ? 0.5 : 1.0;
      double k = Math.floor(beat / unit + 1e-9);
      double f = beat / unit - k;
      if (f < 0) {
        f = 0;
      }
      double mid = 0.5 + s / 6;
      double w = f < 0.5 ? f * mid / 0.5 : mid + (f - 0.5) * (1 - mid) / 0.5;
      return (k + w) * unit;
    }

    double timeOf(double beat) {
      return map.timeAt(swung(beat));
    }

    double jitter() {
      return spec.jitterMs() == 0 ? 0 : Rng.clippedGaussian(timing, spec.jitterMs() / 1000);
    }

    SynthesizedPiece render() {
      Score score = new Arranger(spec).arrange();
      renderDrums(score);
      renderNotes(score);
      renderPads(score);
      if (spec.reverb() > 0) {
        Reverb.stereo(sendLeft, sendRight, sr);
        float g = (float) (spec.reverb() * 0.12);
        for (int i = 0; i < n; i++) {
          left[i] += sendLeft[i] * g;
          right[i] += sendRight[i] * g;
        }
      }
      master(score);
      return new SynthesizedPiece(new float[][] {left, right}, sr, truth(score), spec);
    }

    // ------------------------------------------------------------- mixing helpers

    private static double panLeft(double pan) {
      return Math.cos((pan + 1) * Math.PI / 4);
    }

    private static double panRight(double pan) {
      return Math.sin((pan + 1) * Math.PI / 4);
    }

    private void add(float[] sound, double startSeconds, double gain, double pan, double send) {
      int start = (int) Math.round(startSeconds * sr);
      float gl = (float) (gain * panLeft(pan));
      float gr = (float) (gain * panRight(pan));
      float sl = (float) (gl * send);
      float sr2 = (float) (gr * send);
      int from = Math.max(0, -start);
      int to = Math.min(sound.length, n - start);
      for (int i = from; i < to; i++) {
        float s = sound[i];
        int j = start + i;
        left[j] += s * gl;
        right[j] += s * gr;
        if (send > 0) {
          sendLeft[j] += s * sl;
          sendRight[j] += s * sr2;
        }
      }
    }

    // ------------------------------------------------------------- drums

    private record Kit(float[][] variants, double gain, double pan, double send) {}

    private Map<Drum, Kit> kit() {
      RandomGenerator r = Rng.of(spec.seed(), "kit");
      boolean heavy = spec.instrumentation().bass() == BassWeight.HEAVY;
      Map<Drum, Kit> kit = new EnumMap<>(Drum.class);
      for (Drum d : Drum.values()) {
        int count = d == Drum.CRASH || d.name().startsWith("TOM") ? 1 : 3;
        float[][] v = new float[count][];
        for (int i = 0; i < count; i++) {
          v[i] =
              switch (d) {
                case KICK -> Sounds.kick(sr, r, heavy);
                case SNARE -> Sounds.snare(sr, r);
                case CLAP -> Sounds.clap(sr, r);
                case RIM -> Sounds.rim(sr, r);
                case HAT_CLOSED -> Sounds.metal(sr, r, 0.035, 0.15, 7000);
                case HAT_OPEN -> Sounds.metal(sr, r, 0.25, 0.6, 6500);
                case CRASH -> Sounds.metal(sr, r, 1.2, 2.5, 4500);
                case TOM_HIGH -> Sounds.tom(sr, r, 200);
                case TOM_MID -> Sounds.tom(sr, r, 150);
                case TOM_LOW -> Sounds.tom(sr, r, 105);
              };
        }
        double gain =
            switch (d) {
              case KICK -> 0.95;
              case SNARE -> 0.55;
              case CLAP -> 0.5;
              case RIM -> 0.3;
              case HAT_CLOSED, HAT_OPEN -> 0.2;
              case CRASH -> 0.25;
              default -> 0.5;
            };
        double pan =
            switch (d) {
              case HAT_CLOSED, HAT_OPEN -> 0.35;
              case CRASH -> -0.4;
              case TOM_HIGH -> 0.3;
              case TOM_LOW -> -0.3;
              case SNARE, RIM, CLAP -> 0.05;
              default -> 0;
            };
        double send =
            switch (d) {
              case KICK -> 0.05;
              case HAT_CLOSED, HAT_OPEN -> 0.15;
              default -> 0.35;
            };
        kit.put(d, new Kit(v, gain, pan, send));
      }
      return kit;
    }

    private void renderDrums(Score score) {
      if (score.hits.isEmpty()) {
        return;
      }
      Map<Drum, Kit> kit = kit();
      RandomGenerator pick = Rng.of(spec.seed(), "kit-pick");
      for (Score.Hit h : score.hits) {
        double t = timeOf(h.beat()) + jitter();
        Kit k = kit.get(h.drum());
        float[] sound = k.variants()[pick.nextInt(k.variants().length)];
        add(sound, t, k.gain() * Math.pow(h.velocity(), 1.6), k.pan(), k.send());
        onsets.add(t);
        if (h.drum() == Drum.KICK) {
          kicks.add(t);
        }
      }
    }

    // ------------------------------------------------------------- pitched notes

    private void renderNotes(Score score) {
      RandomGenerator r = Rng.of(spec.seed(), "voices");
      Style style = spec.style();
      BassWeight bw = spec.instrumentation().bass();
      double cents = spec.tuningCents();
      Score.Note previous = null;
      double previousJitter = 0;
      for (Score.Note note : score.notes) {
        // Notes of one chord share their timing (one hand plays them), with a little spread.
        double j;
        if (previous != null
            && previous.voice() == note.voice()
            && previous.beat() == note.beat()) {
          j = previousJitter + 0.0015 * r.nextDouble();
        } else {
          j = jitter();
          previousJitter = j;
        }
        previous = note;
        double t = timeOf(note.beat()) + j;
        double end = timeOf(note.beat() + note.lengthBeats()) + j;
        double hold = Math.max(0.03, end - t);
        double hz = Sounds.midiHz(note.midi(), cents);
        double v = note.velocity();
        float[] sound;
        double gain;
        double pan;
        double send;
        switch (note.voice()) {
          case BASS -> {
            double attack = style == Style.AMBIENT ? 0.25 : 0.004;
            sound = Sounds.bass(sr, bw, hz, v, hold, attack, r);
            gain =
                switch (bw) {
                  case HEAVY -> 2.0;
                  case NORMAL -> 1.5;
                  default -> 1.2;
                };
            pan = 0;
            send = 0;
          }
          case CHORD -> {
            double tau1;
            double inharm;
            double attack;
            switch (style) {
              case FUNK, ELECTRONIC -> {
                tau1 = 0.35;
                inharm = 0.0001;
                attack = 0.002;
              }
              case AMBIENT -> {
                tau1 = 1.6;
                inharm = 0.0015;
                attack = 0.03;
              }
              default -> {
                tau1 = Math.max(0.5, Math.min(3.5, 1.8 * Math.sqrt(220 / hz)));
                inharm = 0.0004;
                attack = 0.003;
              }
            }
            sound = Sounds.pluck(sr, hz, v, hold, tau1, attack, inharm, r);
            // Levels balanced by ear-free arithmetic: RMS of each part alone against the drums.
            gain =
                switch (style) {
                  case FUNK, ELECTRONIC -> 1.4;
                  case BALLAD -> 1.2;
                  default -> 0.8;
                };
            pan = -0.3 + 0.1 * (note.midi() % 3);
            send = 0.35;
          }
          default -> {
            double attack = style == Style.AMBIENT ? 0.25 : style == Style.BALLAD ? 0.05 : 0.012;
            sound = Sounds.lead(sr, hz, v, hold, attack, r);
            gain = style == Style.AMBIENT ? 0.35 : 0.6;
            pan = 0.2;
            send = 0.3;
          }
        }
        add(sound, t, gain * Math.pow(v, 1.3), pan, send);
        onsets.add(t);
      }
    }

    private void renderPads(Score score) {
      RandomGenerator r = Rng.of(spec.seed(), "pads");
      boolean ambient = spec.style() == Style.AMBIENT;
      double attack = ambient ? 1.8 : spec.style() == Style.BALLAD ? 0.7 : 0.3;
      double release = ambient ? 1.8 : 0.9;
      for (Score.PadChord p : score.pads) {
        double t = timeOf(p.beat()) + jitter();
        double end = timeOf(p.beat() + p.lengthBeats());
        double[] hz = new double[p.midis().length];
        for (int i = 0; i < hz.length; i++) {
          hz[i] = Sounds.midiHz(p.midis()[i], spec.tuningCents());
        }
        double cutoff = ambient ? 400 + 900 * p.velocity() : 500 + 2000 * p.velocity();
        int start = Math.max(0, (int) Math.round(t * sr));
        if (start >= n) {
          continue;
        }
        Sounds.pad(
            new float[][] {left, right, sendLeft, sendRight},
            0.45,
            start,
            sr,
            hz,
            p.velocity(),
            end - t,
            attack,
            release,
            cutoff,
            0.28,
            r);
        onsets.add(t);
      }
    }

    // ------------------------------------------------------------- master

    private void master(Score score) {
      // Fade out an outro (as records do), and always the last 40 ms (no click at the end).
      Score.SectionAt last = score.sections.get(score.sections.size() - 1);
      int fadeStart = n - (int) (0.04 * sr);
      if (last.label().equals("outro") && score.sections.size() > 1) {
        double outroStart = map.timeAt(last.startBar() * spec.beatsPerBar());
        double fadeSeconds = Math.min(4, (spec.durationSeconds() - outroStart) * 0.6);
        fadeStart = n - (int) (fadeSeconds * sr);
      }
      for (int i = Math.max(0, fadeStart); i < n; i++) {
        float g = (float) (n - i) / (n - fadeStart);
        left[i] *= g;
        right[i] *= g;
      }
      if (spec.masteringDriveDb() > 0) {
        loudMaster(spec.masteringDriveDb());
      }
      double peak = peak();
      RandomGenerator noise = Rng.of(spec.seed(), "noise");
      double floor = peak * Math.pow(10, -72 / 20.0) * Math.sqrt(3);
      for (int i = 0; i < n; i++) {
        left[i] += (float) ((noise.nextDouble() * 2 - 1) * floor);
        right[i] += (float) ((noise.nextDouble() * 2 - 1) * floor);
      }
      peak = peak();
      float g = normalise ? (float) (PEAK / Math.max(peak, 1e-12)) : 1f;
      for (int i = 0; i < n; i++) {
        left[i] *= g;
        right[i] *= g;
      }
    }

    /**
     * A loud master: the mix (peak at 0 dBFS) is driven by {@code driveDb} into a fast compressor
     * (ratio 3 above -10 dBFS, 10 ms attack, 200 ms release, stereo-linked) that lets drum
     * transients through into a soft clipper, which flattens them as a mastering limiter does; the
     * level between transients rises.
     */
    private void loudMaster(double driveDb) {
      double pre = Math.pow(10, driveDb / 20) / Math.max(peak(), 1e-12);
      double thr = Math.pow(10, -10 / 20.0);
      double att = Math.exp(-1 / (0.01 * sr));
      double rel = Math.exp(-1 / (0.2 * sr));
      double env = 0;
      double g = 1;
      for (int i = 0; i < n; i++) {
        double l = left[i] * pre;
        double r = right[i] * pre;
        double level = Math.max(Math.abs(l), Math.abs(r));
        env = level > env ? att * env + (1 - att) * level : rel * env + (1 - rel) * level;
        if ((i & 3) == 0) {
          g = env > thr ? Math.pow(env / thr, 1 / 3.0 - 1) : 1; // every 4th sample: pow is dear
        }
        left[i] = (float) Sounds.softClip(l * g);
        right[i] = (float) Sounds.softClip(r * g);
      }
    }

    private double peak() {
      double peak = 0;
      for (int i = 0; i < n; i++) {
        peak = Math.max(peak, Math.max(Math.abs(left[i]), Math.abs(right[i])));
      }
      return peak;
    }

    // ------------------------------------------------------------- truth

    private GroundTruth truth(Score score) {
      int bpb = spec.beatsPerBar();
      int count = spec.beatCount();
      double[] beats = new double[count];
      for (int k = 0; k < count; k++) {
        beats[k] = map.timeAt(k);
      }
      double[] downbeats = new double[(count + bpb - 1) / bpb];
      for (int i = 0; i < downbeats.length; i++) {
        downbeats[i] = beats[i * bpb];
      }
      double[] sectionStarts = new double[score.sections.size()];
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < sectionStarts.length; i++) {
        Score.SectionAt s = score.sections.get(i);
        sectionStarts[i] = map.timeAt(s.startBar() * bpb);
        labels.add(s.label());
      }
      List<ChordSpan> chords = new ArrayList<>();
      for (Score.ChordAt c : score.chords) {
        double start = map.timeAt(c.bar() * bpb);
        double end = Math.min(spec.durationSeconds(), map.timeAt((c.bar() + 1) * bpb));
        if (start >= spec.durationSeconds()) {
          continue;
        }
        Harmony.Chord ch = c.chord();
        if (!chords.isEmpty()) {
          ChordSpan prev = chords.get(chords.size() - 1);
          if (prev.rootPitchClass() == ch.rootPc() && prev.quality().equals(ch.quality())) {
            chords.set(
                chords.size() - 1,
                new ChordSpan(
                    prev.startSeconds(),
                    end,
                    prev.rootPitchClass(),
                    prev.quality(),
                    prev.romanNumeral(),
                    prev.pitchClasses()));
            continue;
          }
        }
        chords.add(
            new ChordSpan(start, end, ch.rootPc(), ch.quality(), ch.roman(), ch.pitchClasses()));
      }
      double first = beats[0];
      double lastBeat = beats[count - 1];
      double mean = count > 1 ? 60.0 * (count - 1) / (lastBeat - first) : spec.tempoBpm();
      return new GroundTruth(
          spec.tempoBpm(),
          mean,
          map.bpmAt(first),
          map.bpmAt(lastBeat),
          spec.drift(),
          beats,
          downbeats,
          bpb,
          spec.tonicPitchClass(),
          spec.mode(),
          spec.tuningCents(),
          spec.swing(),
          !score.hits.isEmpty(),
          sectionStarts,
          List.copyOf(labels),
          List.copyOf(chords),
          sorted(kicks),
          dedupe(sorted(onsets)));
    }

    private static double[] sorted(List<Double> xs) {
      double[] a = new double[xs.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = xs.get(i);
      }
      Arrays.sort(a);
      return a;
    }

    /** Onsets within 5 ms of each other are one onset to any analyser. */
    private static double[] dedupe(double[] a) {
      double[] out = new double[a.length];
      int m = 0;
      for (double x : a) {
        if (m == 0 || x - out[m - 1] > 0.005) {
          out[m++] = x;
        }
      }
      return Arrays.copyOf(out, m);
    }
  }
}
