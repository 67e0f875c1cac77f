package com.audiostems.workers.cpu;

import com.audiostems.activities.catalogue.FingerprintActivitiesImpl;
import com.audiostems.activities.delivery.DeliveryActivitiesImpl;
import com.audiostems.activities.host.HostLivenessActivitiesImpl;
import com.audiostems.activities.host.WorkingCopyActivitiesImpl;
import com.audiostems.activities.licence.CdnInvalidations;
import com.audiostems.activities.licence.LicenceActivitiesImpl;
import com.audiostems.activities.media.MediaActivitiesImpl;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.metadata.JaudiotaggerOutputTagger;
import com.audiostems.activities.metadata.MetadataActivitiesImpl;
import com.audiostems.activities.storage.StorageActivitiesImpl;
import com.audiostems.activities.watermark.PreviewWatermarker;
import com.audiostems.activities.watermark.WatermarkActivitiesImpl;
import com.audiostems.activities.watermark.WatermarkSettings;
import com.audiostems.ledger.Ledger;
import com.audiostems.storage.BlobStore;
import com.audiostems.storage.WorkingCopyStore;
import com.audiostems.workflows.TaskQueues;
import com.audiostems.workflows.catalogue.FingerprintActivities;
import com.audiostems.workflows.delivery.DeliveryActivities;
import com.audiostems.workflows.host.HostAffinity;
import com.audiostems.workflows.host.HostLivenessActivities;
import com.audiostems.workflows.host.WorkingCopyActivities;
import com.audiostems.workflows.licence.LicenceActivities;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.storage.StorageActivities;
import com.audiostems.workflows.watermark.WatermarkActivities;

/** The activity implementations a CPU worker hosts, wired to one blob store. */
public record CpuActivities(
    MediaActivities media,
    MetadataActivities metadata,
    StorageActivities storage,
    WorkingCopyActivities workingCopies,
    HostLivenessActivities liveness,
    FingerprintActivities fingerprints,
    WatermarkActivities watermark,
    DeliveryActivities delivery) {

  /**
   * @param store this host's working copies in front of the store: every activity reads and writes
   *     through it, so a source fetched here is read from the copy ({@link WorkingCopyStore})
   * @param hostId this worker process's id, naming its own task queue ({@link
   *     CpuWorkerSettings#hostId()})
   * @param watermark the keys every preview is marked with (and detection tries) and its audible
   *     tag
   */
  public static CpuActivities create(
      WorkingCopyStore store, MediaSettings media, String hostId, WatermarkSettings watermark) {
    HostAffinity host = new HostAffinity(hostId, TaskQueues.cpuHost(hostId));
    MediaProcessRunner runner = new MediaProcessRunner(media);
    return new CpuActivities(
        new MediaActivitiesImpl(
            runner,
            store,
            new JaudiotaggerOutputTagger(),
            new PreviewWatermarker(runner, watermark)),
        new MetadataActivitiesImpl(store, media.workDir(), new JaudiotaggerOutputTagger()),
        new StorageActivitiesImpl(store),
        new WorkingCopyActivitiesImpl(store, host),
        new HostLivenessActivitiesImpl(host),
        new FingerprintActivitiesImpl(store, runner),
        new WatermarkActivitiesImpl(runner, store, watermark.keys()),
        new DeliveryActivitiesImpl(
            runner, store, new JaudiotaggerOutputTagger(), watermark.keys()));
  }

  /**
   * The licence activities ({@link CpuWorkers#registerLicences}): their rows and audit in {@code
   * ledger}, their copies in {@code store}, withdrawn copies invalidated through {@code cdn}.
   */
  public static LicenceActivities licences(Ledger ledger, BlobStore store, CdnInvalidations cdn) {
    return new LicenceActivitiesImpl(ledger, store, cdn);
  }
}
