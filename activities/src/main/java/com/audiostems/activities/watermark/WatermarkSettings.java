package com.audiostems.activities.watermark;

/**
 * What marking a preview needs: the deployment's keys and the audible tag.
 *
 * @param keys the keyring: the current key embeds, all keys detect
 * @param previewTag the audible tag
 */
public record WatermarkSettings(WatermarkKeyring keys, PreviewTagSettings previewTag) {}
