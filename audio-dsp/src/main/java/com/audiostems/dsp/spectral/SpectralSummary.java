package com.audiostems.dsp.spectral;

/**
 * Track-level timbre: each per-frame feature summarised over the audible frames (see {@link
 * SpectralFrames#audible()}).
 *
 * @param centroidHz spectral centroid statistics, Hz
 * @param bandwidthHz spectral bandwidth statistics, Hz
 * @param rolloffHz rolloff statistics (at {@code rolloffFraction}), Hz
 * @param rolloffFraction fraction of magnitude below the rolloff, 0–1 (0.85 by default)
 * @param flatness spectral flatness statistics, 0–1
 * @param contrastDb statistics of the per-frame mean contrast over bands, dB
 * @param contrastBandMeansDb mean contrast per octave band over the audible frames, dB
 * @param zeroCrossingRatePerSample zero-crossing statistics, crossings per sample
 * @param mfccMean mean of each MFCC over the audible frames (13 values)
 * @param mfccStandardDeviation population standard deviation of each MFCC (13 values)
 * @param framesAnalysed all frames of the spectrogram
 * @param framesCounted the audible frames the statistics cover
 */
public record SpectralSummary(
    FeatureStats centroidHz,
    FeatureStats bandwidthHz,
    FeatureStats rolloffHz,
    double rolloffFraction,
    FeatureStats flatness,
    FeatureStats contrastDb,
    double[] contrastBandMeansDb,
    FeatureStats zeroCrossingRatePerSample,
    double[] mfccMean,
    double[] mfccStandardDeviation,
    int framesAnalysed,
    int framesCounted) {}
