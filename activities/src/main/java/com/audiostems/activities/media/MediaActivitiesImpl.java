package com.audiostems.activities.media;

import com.audiostems.activities.metadata.OutputTagger;
import com.audiostems.activities.watermark.PreviewWatermarker;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.media.EncodeLaneRequest;
import com.audiostems.workflows.media.EncodeLaneResult;
import com.audiostems.workflows.media.MediaActivities;
import com.audiostems.workflows.media.OutputSpec;
import com.audiostems.workflows.media.ProbeRequest;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.media.ValidateRequest;
import com.audiostems.workflows.media.ValidatedSource;
import com.audiostems.workflows.media.VerificationReport;
import com.audiostems.workflows.media.VerifyRequest;

public class MediaActivitiesImpl implements MediaActivities {
  private final SourceInspector inspector;
  private final OutputEncoder encoder;
  private final OutputVerifier verifier;

  /** Media activities whose previews carry no watermark (the manifest then says so). */
  public MediaActivitiesImpl(MediaProcessRunner runner, BlobStore store, OutputTagger tagger) {
    this(runner, store, tagger, null);
  }

  /**
   * @param watermarker marks every preview; null: previews are encoded unmarked
   */
  public MediaActivitiesImpl(
      MediaProcessRunner runner,
      BlobStore store,
      OutputTagger tagger,
      PreviewWatermarker watermarker) {
    this.inspector = new SourceInspector(runner, store);
    this.encoder = new OutputEncoder(runner, store, tagger, watermarker);
    this.verifier = new OutputVerifier(runner, store);
  }

  @Override
  public SourceProbe probe(ProbeRequest request) {
    return inspector.probe(request);
  }

  @Override
  public ValidatedSource validate(ValidateRequest request) {
    return inspector.validate(request, ActivityProgress.heartbeats());
  }

  @Override
  public EncodeLaneResult encodeLane(EncodeLaneRequest request) {
    return encoder.encodeLane(
        request,
        ActivityProgress.forOutputs(request.outputs().stream().map(OutputSpec::format).toList()));
  }

  @Override
  public VerificationReport verifyOutputs(VerifyRequest request) {
    return verifier.verify(request, ActivityProgress.heartbeats());
  }
}
