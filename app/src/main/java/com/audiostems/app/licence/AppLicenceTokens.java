package com.audiostems.app.licence;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.licensing.AesGcmLicenceTokens;
import com.audiostems.licensing.LicenceTokens;
import com.audiostems.storage.StorageSettings;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The licence tokens of this configuration: sealed and opened with {@code licence-tokens} keys. */
@Configuration
public class AppLicenceTokens {

  /**
   * Lazy: only the commands that issue or open tokens read (or generate) the key. A key is
   * generated only on a local store, as the watermark's is.
   */
  @Bean
  @Lazy
  public LicenceTokens licenceTokens(AudiostemsProperties properties) throws IOException {
    boolean local = properties.storage().kind() == StorageSettings.Kind.LOCAL;
    return new AesGcmLicenceTokens(properties.licenceTokens().keyring(local));
  }
}
