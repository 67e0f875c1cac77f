package com.audiostems.activities.licence;

import java.io.IOException;
import java.util.List;

/**
 * Asks the CDN in front of the delivery store to forget paths: CloudFront in production ({@link
 * CloudFrontInvalidations}), a record in the store locally ({@link LocalCdnInvalidations}).
 */
public interface CdnInvalidations {

  /**
   * Requests the invalidation; idempotent: the same {@code reference} with the same paths asks once
   * and answers the same id again.
   *
   * @param reference unique per withdrawal (the licence id)
   * @param paths CDN paths, each starting with '/'; a trailing '*' covers a prefix
   * @param reason why, for the record (a licence's end reason)
   * @return the invalidation's id
   */
  String invalidate(String reference, List<String> paths, String reason) throws IOException;
}
