package com.audiostems.dsp.spectral;

/**
 * Every per-frame timbre feature of one track, aligned with the shared spectrogram's frames (frame
 * i at i × hop / rate seconds; {@link #frameRateHz()} frames per second).
 *
 * @param centroidHz spectral centroid, Hz
 * @param bandwidthHz spectral bandwidth (p = 2), Hz
 * @param rolloffHz frequency below which {@code rolloffFraction} of the magnitude lies, Hz
 * @param rolloffFraction the rolloff's fraction, 0–1
 * @param flatness spectral flatness of the power spectrum, 0–1
 * @param contrastDb octave-band contrast, {@code [frame][band]}, dB (7 bands by default)
 * @param mfcc {@code [frame][coefficient]}, 13 by default (see {@link Mfcc} for units)
 * @param logMelDb {@code [frame][band]} log-mel levels, dB (40 bands by default)
 * @param fluxDb log-mel positive flux (onset strength), dB per frame (see {@link MelFlux})
 * @param zeroCrossingRatePerSample crossings per sample (× sample rate = per second)
 * @param audible whether the frame is within 60 dB of the loudest frame's power; the summary
 *     statistics count only these, so a tail of digital silence does not drag means to 0
 */
public record SpectralFrames(
    double[] centroidHz,
    double[] bandwidthHz,
    double[] rolloffHz,
    double rolloffFraction,
    double[] flatness,
    double[][] contrastDb,
    double[][] mfcc,
    float[][] logMelDb,
    double[] fluxDb,
    double[] zeroCrossingRatePerSample,
    boolean[] audible,
    double frameRateHz) {

  public int frameCount() {
    return centroidHz.length;
  }
}
