package com.audiostems.workflows.media;

/**
 * What ffprobe says of a source, plus the facts derived from it.
 *
 * @param container ffprobe's format name, e.g. "wav", "flac", "mov,mp4,m4a,3gp,3g2,mj2"
 * @param codec codec of the chosen audio stream, e.g. "pcm_s24le", "alac", "mp3", "dsd_lsbf"
 * @param audioStreamIndex index of the first audio stream in the container
 * @param sampleRateHz sample rate of that stream as decoded (DSD64 decodes at 352.8 kHz)
 * @param bitDepth real bit depth of the samples as stored (24 for pcm_s24le, 24 for a 24-bit FLAC,
 *     1 for DSD, 0 for lossy codecs that have none)
 * @param sampleFormat ffmpeg's decoded sample format, e.g. "s32", "fltp"
 * @param channels channel count
 * @param channelLayout e.g. "stereo"; empty when unknown
 * @param durationSeconds duration of the audio stream, else the container's (a video's container
 *     duration is its longest stream's)
 * @param bitRateBps bit rate of the audio stream, else the container's overall bit rate
 * @param sizeBytes size of the file
 * @param lossless true for PCM and lossless codecs (FLAC, ALAC, WavPack, DSD...)
 * @param dsd true for 1-bit DSD (DSF/DFF)
 */
public record SourceProbe(
    String container,
    String codec,
    int audioStreamIndex,
    int sampleRateHz,
    int bitDepth,
    String sampleFormat,
    int channels,
    String channelLayout,
    double durationSeconds,
    long bitRateBps,
    long sizeBytes,
    boolean lossless,
    boolean dsd) {}
