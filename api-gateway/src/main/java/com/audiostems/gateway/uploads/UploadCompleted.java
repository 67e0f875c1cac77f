package com.audiostems.gateway.uploads;

import io.swagger.v3.oas.annotations.media.Schema;

/** An upload in parts that S3 has joined: start a track with its {@code uploadId}. */
@Schema(description = "The upload's content is in place; start a track with `uploadId`.")
public record UploadCompleted(String uploadId, String sourceKey, long sizeBytes, int partCount) {}
