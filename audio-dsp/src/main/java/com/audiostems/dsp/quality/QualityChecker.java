package com.audiostems.dsp.quality;

import com.audiostems.dsp.loudness.LoudnessMeasurement;
import com.audiostems.dsp.loudness.LoudnessMeter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Technical-quality checks on a source, fed from the same decode pass as the other analysers:
 * blocks of the source as the decoder delivers them (all channels, the source's own rate, floats
 * with full scale at ±1) stream in through {@link #accept}; {@link #finish} adds the loudness
 * meter's result and the header's claims and returns the {@link QualityReport}.
 *
 * <p>What it checks, each in its own class with its thresholds: lossy-transcode signature and
 * effective bandwidth ({@link LossyTranscodeCheck}, {@link SpectralCutoff}), effective sample rate
 * ({@link SampleRateCheck}), effective bit depth ({@link BitDepthCheck}), clipping and true peak
 * ({@link ClippingCheck}), DC offset ({@link DcOffsetCheck}), digital silence ({@link
 * SilenceCheck}), mono-as-stereo ({@link MonoAsStereoCheck}), polarity ({@link PolarityCheck}),
 * phase ({@link PhaseCheck}), channel balance ({@link ChannelBalanceCheck}), noise floor ({@link
 * NoiseFloorCheck}) and dynamic range ({@link DynamicRangeCheck}). Tiers: {@link Tier}, {@link
 * TierRules}; score: {@link QualityScore}.
 *
 * <p>Memory is bounded (a few spectra and histograms, plus one entry per clipped run); per sample
 * it costs a handful of operations, and one 46 ms FFT frame per channel is taken every ~0.19 s. Not
 * thread-safe: one source, one thread.
 */
public final class QualityChecker {
  private final int sampleRateHz;
  private final int channels;
  private final LongTermSpectrum spectrum;
  private final BitDepthCheck bitDepth;
  private final ClippingCheck clipping;
  private final ChannelStats stats;
  private final SilenceCheck silence;
  private long frames;

  public QualityChecker(int sampleRateHz, int channels) {
    if (sampleRateHz <= 0 || channels <= 0) {
      throw new IllegalArgumentException("rate " + sampleRateHz + " Hz, " + channels + " channels");
    }
    this.sampleRateHz = sampleRateHz;
    this.channels = channels;
    this.spectrum = new LongTermSpectrum(sampleRateHz, channels);
    this.bitDepth = new BitDepthCheck(channels);
    this.clipping = new ClippingCheck(channels);
    this.stats = new ChannelStats(channels);
    this.silence = new SilenceCheck(channels);
  }

  /** The next {@code frames} frames: {@code block[channel][i]}, floats with full scale at ±1. */
  public void accept(float[][] block, int frames) {
    if (block.length != channels) {
      throw new IllegalArgumentException("expected " + channels + " channels, got " + block.length);
    }
    if (frames <= 0) {
      return;
    }
    spectrum.accept(block, frames);
    bitDepth.accept(block, frames);
    clipping.accept(block, frames);
    stats.accept(block, frames);
    silence.accept(block, frames);
    this.frames += frames;
  }

  /**
   * Runs the checks. Call once, after the last block.
   *
   * @param loudness the loudness meter's result on the same source (true peak, PLR, LRA); null
   *     skips the checks that need it
   * @param declaredBitDepth the header's bits per sample (16, 24; 32 for float; 0 if unknown)
   * @param declaredSampleRateHz the header's rate; normally the rate the blocks came at
   */
  public QualityReport finish(
      LoudnessMeasurement loudness, int declaredBitDepth, int declaredSampleRateHz) {
    return finish(loudness, declaredBitDepth, declaredSampleRateHz, null);
  }

  /**
   * Runs the checks, the tiers judged on {@code nominal} (lossless or lossy at its bit rate, DSD)
   * as the samples bear it out. Call once, after the last block.
   *
   * @param nominal the source's header properties as validation judged them; null for a lossless
   *     PCM source of {@code declaredBitDepth} bits
   */
  public QualityReport finish(
      LoudnessMeasurement loudness,
      int declaredBitDepth,
      int declaredSampleRateHz,
      Tier.Properties nominal) {
    int rate = declaredSampleRateHz > 0 ? declaredSampleRateHz : sampleRateHz;
    double duration = (double) frames / sampleRateHz;
    Map<String, Double> m = new LinkedHashMap<>();
    List<Finding> findings = new ArrayList<>();

    SpectralCutoff cut = SpectralCutoff.find(spectrum);
    m.put("cutoff.hz", cut.cutoffHz());
    m.put("cutoff.dropDb", cut.dropDb());
    m.put("cutoff.found", cut.found() ? 1.0 : 0.0);
    double lowestLossyHz = LossyTranscodeCheck.lowestLossyCutoffHz(sampleRateHz);
    CutoffFrames.Walls walls = spectrum.cutoffFrames().walls(lowestLossyHz);
    boolean framesShowLowPass = cut.found() && spectrum.cutoffFrames().showLowPass(cut, walls);
    m.put("cutoff.framesShowLowPass", framesShowLowPass ? 1.0 : 0.0);
    m.put("cutoff.wallFrames", (double) walls.framesWithWall());
    m.put("cutoff.wallHz", walls.modalWallHz());
    m.put("cutoff.wallModalFrames", (double) walls.modalFrames());
    m.put("cutoff.wallFramesAboveModal", (double) walls.framesAboveModal());
    m.put("cutoff.stopSpreadDb", walls.stopSpreadDb());
    findings.addAll(LossyTranscodeCheck.check(cut, framesShowLowPass, sampleRateHz, duration));
    findings.addAll(SampleRateCheck.check(cut, sampleRateHz, duration));
    int effectiveRate = SampleRateCheck.effectiveRate(cut, sampleRateHz);
    if (declaredSampleRateHz > 0) {
      effectiveRate = Math.min(effectiveRate, rate);
    }

    int bits = bitDepth.effectiveBits();
    m.put("bits.effective", (double) bits);
    findings.addAll(BitDepthCheck.check(bits, declaredBitDepth, duration));

    double truePeak = loudness != null ? loudness.truePeakDbtp() : Double.NEGATIVE_INFINITY;
    List<Finding> clip = clipping.check(truePeak, sampleRateHz);
    m.put("peak.dbfs", Units.db(clipping.peak()));
    findings.addAll(clip);

    for (int c = 0; c < channels; c++) {
      m.put("dc.ch" + c + ".dbfs", Units.db(stats.mean(c)));
    }
    findings.addAll(DcOffsetCheck.check(stats, duration));
    findings.addAll(silence.check(sampleRateHz));

    boolean mono = false;
    if (channels >= 2) {
      double lowCorrelation = spectrum.lowBandCorrelation();
      m.put("stereo.correlation", stats.correlation());
      m.put("stereo.lowBandCorrelation", lowCorrelation);
      m.put("stereo.sideToMidDb", Math.max(-200, stats.sideToMidDb()));
      m.put("stereo.monoFoldDownDb", stats.monoFoldDownDb());
      m.put(
          "stereo.balanceDb",
          Units.powerDb(stats.acMeanSquare(0) / Math.max(1e-300, stats.acMeanSquare(1))));
      mono = MonoAsStereoCheck.isMono(stats);
      findings.addAll(MonoAsStereoCheck.check(stats, duration));
      if (!mono) {
        List<Finding> polarity = PolarityCheck.check(lowCorrelation, duration);
        findings.addAll(polarity);
        findings.addAll(PhaseCheck.check(stats, !polarity.isEmpty(), duration));
        findings.addAll(ChannelBalanceCheck.check(stats, duration));
      }
    }

    double floor = NoiseFloorCheck.floorDbfs(spectrum);
    m.put("noiseFloor.dbfs", floor);
    findings.addAll(NoiseFloorCheck.check(floor, duration));

    if (loudness != null) {
      m.put("loudness.plrLu", loudness.peakToLoudnessRatioLu());
      m.put("loudness.lraLu", loudness.loudnessRangeLu());
      m.put("loudness.truePeakDbtp", loudness.truePeakDbtp());
      findings.addAll(DynamicRangeCheck.check(loudness));
    }

    double bandwidth = cut.cutoffHz();
    Tier.Properties declared =
        nominal != null ? nominal : new Tier.Properties(true, false, rate, declaredBitDepth, 0);
    List<TierResult> tiers = TierRules.judge(declared, bits, effectiveRate, findings);
    return new QualityReport(
        rate,
        channels,
        duration,
        declaredBitDepth,
        bandwidth,
        bits,
        effectiveRate,
        mono,
        findings,
        tiers,
        QualityScore.of(findings),
        m);
  }

  /**
   * Checks a whole signal at once.
   *
   * @param loudness the loudness measurement of the same signal; null to measure it here
   */
  public static QualityReport check(
      float[][] channels, int sampleRateHz, int declaredBitDepth, LoudnessMeasurement loudness) {
    return check(channels, sampleRateHz, declaredBitDepth, loudness, null);
  }

  /**
   * Checks a whole signal at once, the tiers judged on {@code nominal} as the samples bear it out
   * (see {@link #finish(LoudnessMeasurement, int, int, Tier.Properties)}).
   */
  public static QualityReport check(
      float[][] channels,
      int sampleRateHz,
      int declaredBitDepth,
      LoudnessMeasurement loudness,
      Tier.Properties nominal) {
    QualityChecker checker = new QualityChecker(sampleRateHz, channels.length);
    int n = channels.length == 0 ? 0 : channels[0].length;
    checker.accept(channels, n);
    LoudnessMeasurement l =
        loudness != null ? loudness : LoudnessMeter.measure(channels, sampleRateHz);
    return checker.finish(l, declaredBitDepth, sampleRateHz, nominal);
  }
}
