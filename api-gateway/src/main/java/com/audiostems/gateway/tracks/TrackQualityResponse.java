package com.audiostems.gateway.tracks;

import com.audiostems.workflows.media.QualityTier;
import com.audiostems.workflows.quality.TrackQuality;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The technical quality of a published track's source.
 *
 * @param score 0–100
 * @param effectiveTier the highest tier the source reaches on its effective properties; null for
 *     none
 * @param tiers every tier's verdict with its reasons
 * @param findings every finding: code, severity, measured value, threshold, time range, message
 * @param expiresAt when the links stop working
 * @param reportUrl {@code quality.json}
 * @param pageUrl the page for people ({@code quality.html}, images inline)
 * @param waveformUrl {@code waveform.png}
 * @param spectrogramUrl {@code spectrogram.png}
 * @param peaksUrl {@code waveform.dat}: the waveform's min/max peaks in BBC audiowaveform's binary
 *     format (version 2, 16-bit, one channel, 256 frames a pixel), which peaks.js reads; a 404 for
 *     tracks analysed before the peaks were written (re-process them)
 */
public record TrackQualityResponse(
    String trackId,
    int version,
    int score,
    QualityTier effectiveTier,
    List<TrackQuality.TierVerdict> tiers,
    TrackQuality.EffectiveProperties effective,
    List<TrackQuality.QualityFinding> findings,
    Instant expiresAt,
    URI reportUrl,
    URI pageUrl,
    URI waveformUrl,
    URI spectrogramUrl,
    URI peaksUrl) {}
