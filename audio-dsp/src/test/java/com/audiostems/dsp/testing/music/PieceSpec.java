package com.audiostems.dsp.testing.music;

import java.util.List;
import java.util.Objects;

/**
 * Everything that decides a synthetic piece; {@link MusicSynth#render} is a pure function of it
 * (the seed included), so a spec is also the name of its audio.
 *
 * <p>Build one with {@link #builder()} and vary it with the withers. Pieces are meant to be hard in
 * the ways real recordings are hard: tempo drift, swing, humanised timing, detuned concert pitch,
 * soft onsets and heavy bass are all here.
 *
 * @param label short name for printed tables, e.g. {@code "pop-93.5-Am"}
 * @param sampleRateHz 44100 or 48000 typically
 * @param durationSeconds length of the audio
 * @param tempoBpm the notated tempo (with drift: the tempo at the first beat)
 * @param beatsPerBar 3 or 4 (quarter-note beats)
 * @param drift tempo drift, {@link TempoDrift#NONE} for a steady tempo
 * @param swing 0 = straight; 1 = full triplet swing (the off-beat eighth, or sixteenth for {@link
 *     Style#FUNK}, is delayed by a third of its subdivision pair); beats never move
 * @param jitterMs standard deviation of the humanised timing of each note (clipped to 2.5 sigma);
 *     the truth stays on the grid
 * @param tonicPitchClass 0 = C ... 11 = B
 * @param mode major or minor
 * @param tuningCents concert-pitch offset: A4 = 440 * 2^(cents/1200)
 * @param style the arrangement style
 * @param instrumentation which instrument groups exist
 * @param sections the form; empty means one section playing everything for the whole piece
 * @param leadInSeconds silence (room noise) before the first beat
 * @param reverb reverb send level, 0..1
 * @param masteringDriveDb 0 for a dynamic mix; otherwise how hard the mix is pushed into a
 *     compressor and soft limiter, as loud commercial masters are (6-10 dB flattens transients)
 * @param seed the random seed; everything random is derived from it
 */
public record PieceSpec(
    String label,
    int sampleRateHz,
    double durationSeconds,
    double tempoBpm,
    int beatsPerBar,
    TempoDrift drift,
    double swing,
    double jitterMs,
    int tonicPitchClass,
    Mode mode,
    double tuningCents,
    Style style,
    Instrumentation instrumentation,
    List<Section> sections,
    double leadInSeconds,
    double reverb,
    double masteringDriveDb,
    long seed) {

  private static final String[] NAMES = {
    "C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"
  };

  public PieceSpec {
    Objects.requireNonNull(label);
    Objects.requireNonNull(mode);
    Objects.requireNonNull(style);
    Objects.requireNonNull(instrumentation);
    drift = drift == null ? TempoDrift.NONE : drift;
    sections = sections == null ? List.of() : List.copyOf(sections);
    if (sampleRateHz < 8000) {
      throw new IllegalArgumentException("sample rate too low: " + sampleRateHz);
    }
    if (!(durationSeconds > leadInSeconds + 1) || leadInSeconds < 0) {
      throw new IllegalArgumentException("duration must exceed the lead-in by a second");
    }
    if (!(tempoBpm >= 20 && tempoBpm <= 400)) {
      throw new IllegalArgumentException("tempo out of range: " + tempoBpm);
    }
    if (beatsPerBar < 2 || beatsPerBar > 7) {
      throw new IllegalArgumentException("beats per bar: " + beatsPerBar);
    }
    if (swing < 0 || swing > 1) {
      throw new IllegalArgumentException("swing in [0, 1]: " + swing);
    }
    if (tonicPitchClass < 0 || tonicPitchClass > 11) {
      throw new IllegalArgumentException("tonic pitch class in 0..11: " + tonicPitchClass);
    }
    if (Math.abs(tuningCents) > 100) {
      throw new IllegalArgumentException("tuning offset beyond a semitone: " + tuningCents);
    }
    if (jitterMs < 0 || reverb < 0 || reverb > 1) {
      throw new IllegalArgumentException("jitter >= 0, reverb in [0, 1]");
    }
    if (masteringDriveDb < 0 || masteringDriveDb > 24) {
      throw new IllegalArgumentException("mastering drive in [0, 24] dB: " + masteringDriveDb);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.label = label;
    b.sampleRateHz = sampleRateHz;
    b.durationSeconds = durationSeconds;
    b.tempoBpm = tempoBpm;
    b.beatsPerBar = beatsPerBar;
    b.drift = drift;
    b.swing = swing;
    b.jitterMs = jitterMs;
    b.tonic = tonicPitchClass;
    b.mode = mode;
    b.tuningCents = tuningCents;
    b.style = style;
    b.instrumentation = instrumentation;
    b.sections = sections;
    b.leadInSeconds = leadInSeconds;
    b.reverb = reverb;
    b.masteringDriveDb = masteringDriveDb;
    b.seed = seed;
    return b;
  }

  /** The key's name, e.g. "F# minor". */
  public String keyName() {
    return NAMES[tonicPitchClass] + (mode == Mode.MINOR ? " minor" : " major");
  }

  /** Short key name, e.g. "F#m" or "Eb". */
  public static String shortKeyName(int tonicPitchClass, Mode mode) {
    return NAMES[tonicPitchClass] + (mode == Mode.MINOR ? "m" : "");
  }

  /** The mapping from beats to seconds that the synthesiser uses. */
  public TempoMap tempoMap() {
    return new TempoMap(tempoBpm, drift, leadInSeconds, durationSeconds - leadInSeconds);
  }

  /** The number of beats that sound before the end of the audio. */
  public int beatCount() {
    TempoMap map = tempoMap();
    int k = (int) Math.floor(map.beatAt(durationSeconds));
    while (k >= 0 && map.timeAt(k) >= durationSeconds) {
      k--;
    }
    while (map.timeAt(k + 1) < durationSeconds) {
      k++;
    }
    return k + 1;
  }

  /** The number of bars that start before the end of the audio (the last may be cut short). */
  public int barCount() {
    return (beatCount() + beatsPerBar - 1) / beatsPerBar;
  }

  /** Whether the form has more than one section. */
  public boolean hasSections() {
    return sections.size() > 1;
  }

  public PieceSpec withLabel(String v) {
    return toBuilder().label(v).build();
  }

  public PieceSpec withSampleRate(int v) {
    return toBuilder().sampleRateHz(v).build();
  }

  public PieceSpec withDuration(double v) {
    return toBuilder().durationSeconds(v).build();
  }

  public PieceSpec withTempo(double v) {
    return toBuilder().tempoBpm(v).build();
  }

  public PieceSpec withBeatsPerBar(int v) {
    return toBuilder().beatsPerBar(v).build();
  }

  public PieceSpec withDrift(TempoDrift v) {
    return toBuilder().drift(v).build();
  }

  public PieceSpec withSwing(double v) {
    return toBuilder().swing(v).build();
  }

  public PieceSpec withJitterMs(double v) {
    return toBuilder().jitterMs(v).build();
  }

  public PieceSpec withKey(int tonic, Mode m) {
    return toBuilder().key(tonic, m).build();
  }

  public PieceSpec withTuningCents(double v) {
    return toBuilder().tuningCents(v).build();
  }

  public PieceSpec withInstrumentation(Instrumentation v) {
    return toBuilder().instrumentation(v).build();
  }

  public PieceSpec withSections(List<Section> v) {
    return toBuilder().sections(v).build();
  }

  public PieceSpec withMasteringDriveDb(double v) {
    return toBuilder().masteringDriveDb(v).build();
  }

  public PieceSpec withSeed(long v) {
    return toBuilder().seed(v).build();
  }

  /**
   * Builder. Unset beats per bar, swing, jitter and instrumentation take the {@link Style}'s
   * defaults, so that {@code builder().style(WALTZ)} is already in 3/4.
   */
  public static final class Builder {
    private String label = "piece";
    private int sampleRateHz = 44_100;
    private double durationSeconds = 30;
    private double tempoBpm = 120;
    private Integer beatsPerBar;
    private TempoDrift drift = TempoDrift.NONE;
    private Double swing;
    private Double jitterMs;
    private int tonic;
    private Mode mode = Mode.MAJOR;
    private double tuningCents;
    private Style style = Style.POP_ROCK;
    private Instrumentation instrumentation;
    private List<Section> sections = List.of();
    private boolean songForm;
    private double leadInSeconds = 0.3;
    private double reverb = 0.25;
    private double masteringDriveDb;
    private long seed = 1;

    private Builder() {}

    public Builder label(String v) {
      label = v;
      return this;
    }

    public Builder sampleRateHz(int v) {
      sampleRateHz = v;
      return this;
    }

    public Builder durationSeconds(double v) {
      durationSeconds = v;
      return this;
    }

    public Builder tempoBpm(double v) {
      tempoBpm = v;
      return this;
    }

    public Builder beatsPerBar(int v) {
      beatsPerBar = v;
      return this;
    }

    public Builder drift(TempoDrift v) {
      drift = v;
      return this;
    }

    public Builder swing(double v) {
      swing = v;
      return this;
    }

    public Builder jitterMs(double v) {
      jitterMs = v;
      return this;
    }

    public Builder key(int tonicPitchClass, Mode m) {
      tonic = tonicPitchClass;
      mode = m;
      return this;
    }

    public Builder tuningCents(double v) {
      tuningCents = v;
      return this;
    }

    public Builder style(Style v) {
      style = v;
      return this;
    }

    public Builder instrumentation(Instrumentation v) {
      instrumentation = v;
      return this;
    }

    /** Shorthand: keep the style's instrumentation but without (or with) drums. */
    public Builder drums(boolean v) {
      instrumentation = currentInstrumentation().withDrums(v);
      return this;
    }

    /** Shorthand: keep the style's instrumentation with this bass weight. */
    public Builder bass(BassWeight v) {
      instrumentation = currentInstrumentation().withBass(v);
      return this;
    }

    public Builder sections(List<Section> v) {
      sections = v;
      songForm = false;
      return this;
    }

    /**
     * Lay out a song form (intro, verse, chorus, ... outro) fitted to the piece's duration when it
     * is built; see {@link Forms#song}.
     */
    public Builder songForm() {
      songForm = true;
      return this;
    }

    public Builder leadInSeconds(double v) {
      leadInSeconds = v;
      return this;
    }

    public Builder reverb(double v) {
      reverb = v;
      return this;
    }

    public Builder masteringDriveDb(double v) {
      masteringDriveDb = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    private Instrumentation currentInstrumentation() {
      return instrumentation != null ? instrumentation : style.defaultInstrumentation();
    }

    public PieceSpec build() {
      PieceSpec spec =
          new PieceSpec(
              label,
              sampleRateHz,
              durationSeconds,
              tempoBpm,
              beatsPerBar != null ? beatsPerBar : style.defaultBeatsPerBar(),
              drift,
              swing != null ? swing : style.defaultSwing(),
              jitterMs != null ? jitterMs : (style == Style.ELECTRONIC ? 0 : 6),
              tonic,
              mode,
              tuningCents,
              style,
              currentInstrumentation(),
              sections,
              leadInSeconds,
              reverb,
              masteringDriveDb,
              seed);
      if (songForm) {
        spec = spec.withSections(Forms.song(spec.barCount()));
      }
      return spec;
    }
  }
}
