package com.audiostems.workflows.licence;

import java.util.List;

/**
 * What withdrawing an ended licence's copies did.
 *
 * @param deletedKeys the copies deleted from the delivery store
 * @param invalidationId the CDN invalidation requested for their paths (CloudFront's id in
 *     production; a local record's id otherwise); null when there was nothing to invalidate
 */
public record WithdrawnCopies(List<String> deletedKeys, String invalidationId) {}
