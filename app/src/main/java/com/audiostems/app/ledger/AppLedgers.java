package com.audiostems.app.ledger;

import com.audiostems.app.AudiostemsProperties;
import com.audiostems.ledger.Ledger;
import com.audiostems.ledger.LedgerSettings;
import com.audiostems.ledger.Ledgers;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The ledger of this configuration: the {@link Ledger} bean that long-running processes (serve, the
 * workers, the gateway) share, and the settings for a command given {@code --out DIR}.
 */
@Configuration
public class AppLedgers {
  private final AudiostemsProperties properties;

  AppLedgers(AudiostemsProperties properties) {
    this.properties = properties;
  }

  /**
   * The configured database: PostgreSQL, or the embedded file. Lazy: a command that records nothing
   * (identify, watermark detect) neither opens nor locks it.
   */
  @Bean(destroyMethod = "close")
  @Lazy
  public Ledger ledger() {
    return Ledgers.open(settings(null));
  }

  /**
   * @param localRoot a command's {@code --out DIR}, the local store whose {@code .ledger} holds the
   *     embedded file; null for the configured store. A configured {@code jdbc-url} wins: the
   *     database is the same whichever store a command writes to.
   */
  public LedgerSettings settings(Path localRoot) {
    AudiostemsProperties.LedgerDatabase ledger = properties.ledger();
    if (localRoot != null && ledger.embedded()) {
      return LedgerSettings.embedded(localRoot.resolve(".ledger"));
    }
    return ledger.settingsFor(
        properties.storage(), properties.storage().root(), properties.temporal().dataDir());
  }
}
