package com.audiostems.activities.metadata;

/** Cover art found in a tag, of a recognised image type. */
record EmbeddedImage(byte[] data, ImageType type) {}
