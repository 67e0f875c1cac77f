package com.audiostems.gateway.locations.s3;

import com.audiostems.gateway.config.LinkProperties;
import com.audiostems.gateway.config.StorageProperties;
import com.audiostems.storage.BlobStores;
import com.audiostems.storage.S3BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The S3 blob store and presigned S3 URLs in front of it. Active for {@code
 * audiostems.gateway.storage.kind=s3}: clients send and fetch the bytes from the bucket directly,
 * so the gateway's own upload and file endpoints are absent.
 */
@Configuration
@ConditionalOnProperty(name = "audiostems.gateway.storage.kind", havingValue = "s3")
public class S3StoreConfiguration {

  /** Closed with the context (Spring infers {@code close}), which shuts the SDK's client down. */
  @Bean
  S3BlobStore s3BlobStore(StorageProperties storage, LinkProperties links) {
    // The store refuses validities above its cap: the cap is the longest link the gateway hands
    // out.
    Duration longest = Collections.max(List.of(links.uploadValidity(), links.downloadValidity()));
    return BlobStores.s3(storage.settings(), longest);
  }

  @Bean
  S3UploadLocations s3UploadLocations(S3BlobStore store, Clock clock) {
    return new S3UploadLocations(store, clock);
  }

  @Bean
  S3MultipartUploads s3MultipartUploads(S3BlobStore store, Clock clock) {
    return new S3MultipartUploads(store, clock);
  }

  @Bean
  S3DownloadLocations s3DownloadLocations(S3BlobStore store, Clock clock) {
    return new S3DownloadLocations(store, clock);
  }
}
