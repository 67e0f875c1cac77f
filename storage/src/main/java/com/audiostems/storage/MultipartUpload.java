package com.audiostems.storage;

/**
 * An upload in parts that a client sends through presigned URLs; see {@link PresigningBlobStore}.
 */
public record MultipartUpload(String key, String uploadId) {}
