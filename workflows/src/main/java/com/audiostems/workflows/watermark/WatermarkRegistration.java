package com.audiostems.workflows.watermark;

/**
 * The registry object of one mark ({@code watermarks/<payloadId>.json}): what a detected payload
 * stands for. Written by the encode lane that stored the marked preview, deleted with the track
 * (compensation, unpublishing); or by the delivery activity that made a licensee's marked copy
 * (kind "licence"). Objects written before the licence fields existed read with those fields null.
 *
 * @param schema layout of this record, {@link #SCHEMA}
 * @param payloadId the payload the mark carries, 32 hex digits ({@link PreviewPayloads})
 * @param trackId the track whose preview carries it
 * @param kind what carries it: "preview" or "licence"
 * @param version the track version whose preview (or whose published outputs, for a licence) was
 *     last marked with it
 * @param keyId the watermark key the mark was embedded with (never the secret)
 * @param outputKey the stored preview; for a licence, the prefix of its delivered copies
 * @param markedIntegratedLufs integrated loudness of the preview's PCM as it went into the MP3
 *     encoder (tag mixed, mark embedded): what verification holds the encoded preview to; 0 for a
 *     licence (its copies are not loudness-verified)
 * @param licenceId the licence whose copies carry the mark; null for a preview
 * @param licensee who the licence is for; null for a preview
 */
public record WatermarkRegistration(
    int schema,
    String payloadId,
    String trackId,
    String kind,
    int version,
    String keyId,
    String outputKey,
    double markedIntegratedLufs,
    String licenceId,
    String licensee) {

  public static final int SCHEMA = 1;

  /** The kind of a licensee's delivered copy. */
  public static final String KIND_LICENCE = "licence";

  /** A preview's registration (no licence). */
  public WatermarkRegistration(
      int schema,
      String payloadId,
      String trackId,
      String kind,
      int version,
      String keyId,
      String outputKey,
      double markedIntegratedLufs) {
    this(
        schema,
        payloadId,
        trackId,
        kind,
        version,
        keyId,
        outputKey,
        markedIntegratedLufs,
        null,
        null);
  }
}
