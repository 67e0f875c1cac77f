package com.audiostems.workers.cpu;

import com.audiostems.activities.media.MediaActivitiesImpl;
import com.audiostems.activities.media.MediaProcessRunner;
import com.audiostems.activities.media.MediaSettings;
import com.audiostems.activities.metadata.JaudiotaggerOutputTagger;
import com.audiostems.activities.metadata.MetadataActivitiesImpl;
import com.audiostems.storage.BlobStore;
import com.audiostems.activities.storage.StorageActivitiesImpl;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.storage.StorageActivities;

/** The activity implementations a CPU worker hosts, wired to one blob store. */
public record CpuActivities(MediaActivities media, MetadataActivities metadata, StorageActivities storage) {

  public static CpuActivities create(BlobStore store, MediaSettings media) {
    return new CpuActivities(
        new MediaActivitiesImpl(new MediaProcessRunner(media), store, new JaudiotaggerOutputTagger()),
        new MetadataActivitiesImpl(store, media.workDir()),
        new StorageActivitiesImpl(store));
  }
}
