package com.audiostems.activities.media;

/**
 * What ffprobe reports of a file's first audio stream.
 *
 * @param codec codec name, e.g. "flac", "mp3"
 * @param bitRateBps the stream's bit rate where the file states one (CBR MP3, AAC, ALAC), else the
 *     file's overall rate (FLAC, whose streams carry none)
 * @param sampleRateHz the rate the decoder delivers
 * @param bitsPerSample bits per sample as stored; 0 for lossy codecs
 * @param channels channel count
 * @param durationSeconds the stream's duration, else the file's
 */
record MeasuredAudio(
    String codec,
    long bitRateBps,
    int sampleRateHz,
    int bitsPerSample,
    int channels,
    double durationSeconds) {}
