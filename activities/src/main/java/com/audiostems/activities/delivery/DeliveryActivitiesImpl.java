package com.audiostems.activities.delivery;

import com.audiostems.activities.media.ActivityProgress;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.metadata.OutputTagger;
import com.audiostems.activities.watermark.WatermarkKeyring;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.delivery.DeliveryActivities;
import com.audiostems.workflows.delivery.MarkedCopy;
import com.audiostems.workflows.delivery.MarkedCopyRequest;
import java.util.function.DoubleConsumer;

public class DeliveryActivitiesImpl implements DeliveryActivities {
  private final MarkedCopyMaker maker;

  /**
   * @param keys the deployment's watermark keys: copies are marked with the current one
   */
  public DeliveryActivitiesImpl(
      MediaProcessRunner runner, BlobStore store, OutputTagger tagger, WatermarkKeyring keys) {
    this.maker = new MarkedCopyMaker(runner, store, tagger, keys);
  }

  @Override
  public MarkedCopy makeMarkedCopy(MarkedCopyRequest request) {
    return make(request, ActivityProgress.heartbeats());
  }

  /**
   * The activity's work, with its progress going to {@code progress} (heartbeats in a worker): also
   * for callers outside a worker, such as the delivery benchmark.
   */
  public MarkedCopy make(MarkedCopyRequest request, DoubleConsumer progress) {
    return maker.make(request, progress);
  }
}
