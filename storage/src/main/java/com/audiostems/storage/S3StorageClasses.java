package com.audiostems.storage;

import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Which storage class an object is written with.
 *
 * <p>Masters are the large audio files that are read often at first and rarely later: uploaded
 * sources ({@code uploads/...}) and encoded outputs ({@code tracks/<id>/outputs/...}). They get the
 * configured master class (INTELLIGENT_TIERING by default), which moves cold objects to cheaper
 * tiers without retrieval fees.
 *
 * <p>Everything else gets STANDARD: manifests and artwork are small and read on every request, and
 * work files are short-lived. So does any master below 128 KiB, because Intelligent-Tiering never
 * tiers objects that small: they would cost the same, and the class would only mislead.
 */
public final class S3StorageClasses {
  /** S3 Intelligent-Tiering keeps objects below this size in the frequent-access tier. */
  public static final long SMALLEST_TIERED_BYTES = 128L * 1024;

  private static final Pattern MASTER_KEY = Pattern.compile("uploads/.+|tracks/[^/]+/outputs/.+");

  private S3StorageClasses() {}

  /** The class for a store key (without the settings' key prefix) of the given size. */
  public static StorageClass forObject(String key, long bytes, StorageClass masterClass) {
    return isMaster(key) && bytes >= SMALLEST_TIERED_BYTES ? masterClass : StorageClass.STANDARD;
  }

  static boolean isMaster(String key) {
    return MASTER_KEY.matcher(key).matches();
  }
}
