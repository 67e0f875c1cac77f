package com.audiostems.workflows.delivery;

import com.audiostems.workflows.licence.LicenceIds;
import com.audiostems.workflows.media.OutputFormat;

/**
 * Where delivered copies live: {@code licences/<licenceId>/copies/<output file name>}, one per
 * (licence, format), next to nothing else, so withdrawing a licence is deleting one prefix.
 */
public final class DeliveryKeys {
  private DeliveryKeys() {}

  public static String licencePrefix(String licenceId) {
    if (!LicenceIds.isLicenceId(licenceId)) {
      throw new IllegalArgumentException("Not a licence id: " + licenceId);
    }
    return "licences/" + licenceId + "/copies/";
  }

  public static String copyKey(String licenceId, OutputFormat format) {
    return licencePrefix(licenceId) + format.fileName();
  }

  /**
   * The record beside a copy ({@code <copy>.json}: its SHA-256, payload, key and what it was made
   * from), written last: a copy counts as made only once its record exists.
   */
  public static String recordKey(String licenceId, OutputFormat format) {
    return copyKey(licenceId, format) + ".json";
  }
}
