package com.audiostems.gateway.licences;

import com.audiostems.gateway.config.CloudFrontProperties;
import com.audiostems.gateway.locations.DownloadLocations;
import com.audiostems.gateway.locations.PresignedRequest;
import com.audiostems.gateway.locations.cdn.CloudFrontDownloadLocations;
import com.audiostems.workflows.delivery.DeliveryKeys;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Links to licensees' marked copies: CloudFront signed URLs when a distribution is configured,
 * otherwise the store's own links (the gateway's signed links locally, presigned S3 URLs). Only a
 * key under the licence's copy prefix is ever signed: the masters and published outputs cannot
 * leave through a licence.
 */
@Component
public class CopyLinks {
  private final DownloadLocations locations;

  public CopyLinks(DownloadLocations store, CloudFrontProperties cloudFront) {
    // Parsed here, at start: a bad private key stops the gateway naming the setting.
    this.locations = cloudFront.enabled() ? new CloudFrontDownloadLocations(cloudFront) : store;
  }

  public PresignedRequest link(String licenceId, String key, Instant expiresAt) {
    if (key == null || !key.startsWith(DeliveryKeys.licencePrefix(licenceId))) {
      throw new IllegalStateException(
          "Refusing to link '"
              + key
              + "' for licence "
              + licenceId
              + ": only its marked copies under "
              + DeliveryKeys.licencePrefix(licenceId)
              + " may be delivered");
    }
    return locations.presignDownload(key, expiresAt);
  }
}
