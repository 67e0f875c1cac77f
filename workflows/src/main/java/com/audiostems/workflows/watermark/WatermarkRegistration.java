package com.audiostems.workflows.watermark;

/**
 * The registry object of one mark ({@code watermarks/<payloadId>.json}): what a detected payload
 * stands for. Written by the encode lane that stored the marked preview; deleted with the track
 * (compensation, unpublishing).
 *
 * @param schema layout of this record, {@link #SCHEMA}
 * @param payloadId the payload the mark carries, 32 hex digits ({@link PreviewPayloads})
 * @param trackId the track whose preview carries it
 * @param kind what carries it: "preview"
 * @param version the track version whose preview was last marked with it
 * @param keyId the watermark key the mark was embedded with (never the secret)
 * @param outputKey the stored preview
 * @param markedIntegratedLufs integrated loudness of the preview's PCM as it went into the MP3
 *     encoder (tag mixed, mark embedded): what verification holds the encoded preview to
 */
public record WatermarkRegistration(
    int schema,
    String payloadId,
    String trackId,
    String kind,
    int version,
    String keyId,
    String outputKey,
    double markedIntegratedLufs) {

  public static final int SCHEMA = 1;
}
