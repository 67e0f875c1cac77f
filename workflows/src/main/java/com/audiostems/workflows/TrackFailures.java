package com.audiostems.workflows;

import java.util.List;

/**
 * Failure types of the track pipeline. Each is the {@code type} of a non-retryable {@code
 * ApplicationFailure}: retrying cannot fix the input, a person has to.
 */
public final class TrackFailures {
  /** The file is not something ffprobe recognises as a media container. */
  public static final String NOT_AUDIO = "NotAudio";

  /** The upload has zero bytes or zero decodable samples. */
  public static final String EMPTY_FILE = "EmptyFile";

  /** A media container (e.g. a video) with no audio stream. */
  public static final String NO_AUDIO_STREAM = "NoAudioStream";

  /** The decoder reported errors inside the audio data. */
  public static final String CORRUPT_AUDIO = "CorruptAudio";

  /** The file ends before the length its header declares. */
  public static final String TRUNCATED_AUDIO = "TruncatedAudio";

  /** The upload is larger than the configured byte limit. */
  public static final String FILE_TOO_LARGE = "FileTooLarge";

  /** The audio is longer than the configured duration limit. */
  public static final String TOO_LONG = "TooLong";

  /** The source is below the product's minimum tier (16-bit/44.1 kHz, or 128 kbps lossy). */
  public static final String BELOW_MINIMUM_TIER = "BelowMinimumTier";

  /** The quality checks found the source below the tier its track asked for. */
  public static final String BELOW_REQUESTED_TIER = "BelowRequestedTier";

  /** A track id or storage key that is not safe to use as a path. */
  public static final String UNSAFE_KEY = "UnsafeKey";

  /** The input names a file or object that does not exist. */
  public static final String SOURCE_MISSING = "SourceMissing";

  /** An encoded output failed its verification (decode, bit-exactness, duration). */
  public static final String OUTPUT_VERIFICATION_FAILED = "OutputVerificationFailed";

  /** ffmpeg/ffprobe ran past its wall-clock limit or wrote past its size limit on this input. */
  public static final String MEDIA_TOOL_LIMIT = "MediaToolLimitExceeded";

  /** The request asks for something the pipeline does not offer. */
  public static final String INVALID_REQUEST = "InvalidRequest";

  /** The recording is already a published track of the catalogue (duplicate policy: reject). */
  public static final String DUPLICATE_TRACK = "DuplicateTrack";

  /**
   * The recording matches a third-party reference work and an operator (or the timeout) rejected
   * it.
   */
  public static final String COPYRIGHT_REVIEW_REJECTED = "CopyrightReviewRejected";

  /**
   * Retryable: the store did not answer (refused, reset, timed out) or answered "later" (5xx, 503
   * SlowDown). A track that ends with it ran out of retries during a storage outage: start it again
   * once the store is back.
   */
  public static final String STORAGE_UNAVAILABLE = "StorageUnavailable";

  /**
   * Retryable: a worker's working directory ran out of space. The attempt's files are removed; the
   * retry runs once space is free (or on a host with room). A track that ends with it needs a
   * worker with more disk ({@code audiostems.work-dir}).
   */
  public static final String WORK_DIRECTORY_FULL = "WorkDirectoryFull";

  /** Types the activity retry policies must never retry. */
  public static final List<String> NON_RETRYABLE =
      List.of(
          NOT_AUDIO,
          EMPTY_FILE,
          NO_AUDIO_STREAM,
          CORRUPT_AUDIO,
          TRUNCATED_AUDIO,
          FILE_TOO_LARGE,
          TOO_LONG,
          BELOW_MINIMUM_TIER,
          BELOW_REQUESTED_TIER,
          UNSAFE_KEY,
          SOURCE_MISSING,
          OUTPUT_VERIFICATION_FAILED,
          MEDIA_TOOL_LIMIT,
          INVALID_REQUEST,
          DUPLICATE_TRACK,
          COPYRIGHT_REVIEW_REJECTED);

  private TrackFailures() {}
}
