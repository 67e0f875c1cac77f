package com.audiostems.workflows.media;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** ffprobe/ffmpeg work on the audio-cpu queue. Every argument and result is a key or a fact. */
@ActivityInterface
public interface MediaActivities {

  /** Reads the container and first audio stream; rejects what is not audio. */
  @ActivityMethod
  SourceProbe probe(ProbeRequest request);

  /** Applies the limits, compares the header with the data, decodes in full and sets the tier. */
  @ActivityMethod
  ValidatedSource validate(ValidateRequest request);

  /** Encodes one lane of outputs, heartbeating ffmpeg's progress, and stores them. */
  @ActivityMethod
  EncodeLaneResult encodeLane(EncodeLaneRequest request);

  /** Decodes every output and checks it against the source. */
  @ActivityMethod
  VerificationReport verifyOutputs(VerifyRequest request);
}
