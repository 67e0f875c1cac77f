package com.audiostems.gateway.locations;

/**
 * How a file is cut into the parts of a multipart upload: every part {@code partSizeBytes} long but
 * the last, which holds the rest. Part numbers run from 1; byte ranges are inclusive, as in HTTP's
 * {@code Range} header.
 */
public record PartPlan(long sizeBytes, long partSizeBytes) {
  /** S3's limit on the parts of one upload. */
  public static final int MAX_PARTS = 10_000;

  public PartPlan {
    if (sizeBytes <= 0 || partSizeBytes <= 0) {
      throw new IllegalArgumentException(
          "A part plan needs a positive size and part size, not "
              + sizeBytes
              + " and "
              + partSizeBytes);
    }
    if ((sizeBytes + partSizeBytes - 1) / partSizeBytes > MAX_PARTS) {
      throw new IllegalArgumentException(
          sizeBytes
              + " bytes in parts of "
              + partSizeBytes
              + " are more than "
              + MAX_PARTS
              + " parts");
    }
  }

  public int partCount() {
    return (int) ((sizeBytes + partSizeBytes - 1) / partSizeBytes);
  }

  public long firstByte(int partNumber) {
    return (partNumber - 1) * partSizeBytes;
  }

  public long lastByte(int partNumber) {
    return Math.min(sizeBytes, partNumber * partSizeBytes) - 1;
  }
}
