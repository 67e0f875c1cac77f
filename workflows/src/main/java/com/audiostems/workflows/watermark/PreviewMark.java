package com.audiostems.workflows.watermark;

/**
 * What an encode lane embedded in the preview it stored.
 *
 * @param payloadId the payload, 32 hex digits ({@link PreviewPayloads#forTrack})
 * @param keyId the key it was embedded with
 * @param registryKey the registry object the lane wrote for it
 */
public record PreviewMark(String payloadId, String keyId, String registryKey) {}
