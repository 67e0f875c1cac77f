package com.audiostems.workflows.media;

/**
 * A stored output, as measured by probing the written file (not as requested).
 *
 * @param format delivery format
 * @param key storage key
 * @param codec codec ffprobe reports in the output
 * @param bitRateBps overall bit rate
 * @param sampleRateHz sample rate
 * @param bitDepth bit depth for lossless outputs, 0 for lossy
 * @param channels channel count
 * @param durationSeconds duration
 * @param bytes file size
 * @param sha256 hex SHA-256 of the file
 */
public record EncodedOutput(
    OutputFormat format,
    String key,
    String codec,
    long bitRateBps,
    int sampleRateHz,
    int bitDepth,
    int channels,
    double durationSeconds,
    long bytes,
    String sha256) {

  /** The same output after its file was stored again (re-tagged): the stored size and SHA-256. */
  public EncodedOutput withStoredFile(long storedBytes, String storedSha256) {
    return new EncodedOutput(
        format,
        key,
        codec,
        bitRateBps,
        sampleRateHz,
        bitDepth,
        channels,
        durationSeconds,
        storedBytes,
        storedSha256);
  }
}
