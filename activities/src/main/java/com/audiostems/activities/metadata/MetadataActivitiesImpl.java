package com.audiostems.activities.metadata;

import static com.audiostems.activities.metadata.TextField.ALBUM;
import static com.audiostems.activities.metadata.TextField.ARTIST;
import static com.audiostems.activities.metadata.TextField.COMMENT;
import static com.audiostems.activities.metadata.TextField.COMPOSER;
import static com.audiostems.activities.metadata.TextField.GENRE;
import static com.audiostems.activities.metadata.TextField.ISRC;
import static com.audiostems.activities.metadata.TextField.PUBLISHER;
import static com.audiostems.activities.metadata.TextField.TITLE;
import static com.audiostems.activities.metadata.TextField.YEAR;

import com.audiostems.activities.storage.StorageFailures;
import com.audiostems.storage.BlobStore;
import com.audiostems.workflows.TrackFailures;
import com.audiostems.workflows.media.EncodedOutput;
import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.metadata.AnalysisTagsRequest;
import com.audiostems.workflows.metadata.ArtworkRef;
import com.audiostems.workflows.metadata.BroadcastExtension;
import com.audiostems.workflows.metadata.DroppedTag;
import com.audiostems.workflows.metadata.MetadataActivities;
import com.audiostems.workflows.metadata.ReadMetadataRequest;
import com.audiostems.workflows.metadata.SourceTag;
import com.audiostems.workflows.metadata.TrackMetadata;
import com.audiostems.workflows.storage.BlobKeys;
import com.audiostems.workflows.storage.StoredObject;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a source's descriptive metadata: the tag (through jaudiotagger), and for WAVE files the
 * bext, iXML and LIST/INFO chunks (through {@link BwfChunks}). Metadata is a nicety: a file whose
 * tags cannot be read gives nulls and a warning, never a failed track. Only a missing source or
 * trouble with the store fails the activity.
 */
public final class MetadataActivitiesImpl implements MetadataActivities {
  private static final Logger log = LoggerFactory.getLogger(MetadataActivitiesImpl.class);

  private final BlobStore store;
  private final Path workDir;
  private final OutputTagger tagger;

  public MetadataActivitiesImpl(BlobStore store, Path workDir, OutputTagger tagger) {
    this.store = store;
    this.workDir = workDir;
    this.tagger = tagger;
  }

  @Override
  public TrackMetadata readMetadata(ReadMetadataRequest request) {
    String trackId = BlobKeys.requireTrackId(request.trackId());
    StorageFailures.requireSafe(request.sourceKey());
    try {
      Files.createDirectories(workDir);
      try (BlobStore.LocalCopy source = store.localCopy(request.sourceKey(), workDir)) {
        return read(trackId, source.path(), request.probe());
      }
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Source '"
              + request.sourceKey()
              + "' of track "
              + trackId
              + " does not exist, so its metadata cannot be read: upload the file again.",
          TrackFailures.SOURCE_MISSING);
    } catch (IOException e) {
      // The store or the disk, not the file's content: worth a retry.
      throw Activity.wrap(e);
    }
  }

  @Override
  public List<EncodedOutput> writeAnalysisTags(AnalysisTagsRequest request) {
    String trackId = BlobKeys.requireTrackId(request.trackId());
    List<EncodedOutput> written = new ArrayList<>();
    try {
      Files.createDirectories(workDir);
      for (EncodedOutput output : request.outputs()) {
        if (!output.key().startsWith(BlobKeys.trackPrefix(trackId))) {
          throw ApplicationFailure.newNonRetryableFailure(
              output.key()
                  + " is not an output of track "
                  + trackId
                  + "; its tags are not ours to change.",
              TrackFailures.UNSAFE_KEY);
        }
        written.add(retag(output, request.bpm(), request.initialKey()));
      }
    } catch (NoSuchFileException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "An output of track "
              + trackId
              + " vanished before its BPM and key were written ("
              + e.getMessage()
              + ").",
          TrackFailures.SOURCE_MISSING);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
    return written;
  }

  /** On a private copy (a local store hands out its own file), then stored under the same key. */
  private EncodedOutput retag(EncodedOutput output, Integer bpm, String initialKey)
      throws IOException {
    Path copy = Files.createTempFile(workDir, "retag-", "-" + output.format().fileName());
    try {
      try (BlobStore.LocalCopy stored = store.localCopy(output.key(), workDir)) {
        Files.copy(stored.path(), copy, StandardCopyOption.REPLACE_EXISTING);
      }
      if (!tagger.tagAnalysis(copy, output.format(), bpm, initialKey)) {
        return output;
      }
      StoredObject again = store.store(output.key(), copy);
      return output.withStoredFile(again.bytes(), again.sha256());
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  private TrackMetadata read(String trackId, Path file, SourceProbe probe) throws IOException {
    Optional<WavMetadataChunks> wav = wavChunks(file);
    boolean rf64 = wav.map(WavMetadataChunks::rf64).orElse(false);
    Optional<String> format = rf64 ? Optional.empty() : SourceTagReader.formatOf(probe, file);
    SourceTags tags = format.map(f -> SourceTagReader.read(file, f)).orElse(SourceTags.none());

    Map<TextField, String> text = new EnumMap<>(TextField.class);
    text.putAll(tags.text());
    // RIFF INFO fills what the tag lacks: jaudiotagger reads no RF64, and it prefers a WAV's id3
    // chunk.
    wav.ifPresent(
        chunks -> {
          for (TextField field : TextField.values()) {
            String value = TextField.clean(chunks.info().get(field.infoId()));
            if (value != null) {
              text.putIfAbsent(field, value);
            }
          }
        });
    ArtworkRef artwork = tags.artwork() == null ? null : storeArtwork(trackId, tags.artwork());
    BroadcastExtension bext = wav.map(WavMetadataChunks::bext).orElse(null);
    String ixml = wav.map(WavMetadataChunks::ixml).orElse(null);
    List<DroppedTag> atRead = new ArrayList<>(tags.dropped());
    List<SourceTag> kept = TagBudget.apply(tags.all(), atRead);
    List<DroppedTag> dropped = droppedTags(kept, atRead, bext, ixml);
    return new TrackMetadata(
        text.get(TITLE),
        text.get(ARTIST),
        text.get(ALBUM),
        text.get(ISRC),
        text.get(COMPOSER),
        text.get(PUBLISHER),
        text.get(GENRE),
        text.get(YEAR),
        text.get(COMMENT),
        artwork,
        bext,
        ixml,
        kept,
        dropped);
  }

  /** Each output container with the tag family it is tagged in (WAV: its id3 chunk). */
  private static final Map<String, TagFamily> OUTPUT_TAGGING =
      Map.of(
          "flac",
          TagFamily.VORBIS,
          "mp3",
          TagFamily.ID3,
          "m4a",
          TagFamily.MP4,
          "wav",
          TagFamily.ID3);

  /** What no output carries, then what each output format cannot hold. */
  private static List<DroppedTag> droppedTags(
      List<SourceTag> kept, List<DroppedTag> atRead, BroadcastExtension bext, String ixml) {
    List<DroppedTag> dropped = new ArrayList<>(atRead);
    for (String format : List.of("flac", "mp3", "m4a", "wav")) {
      TagPlan.of(OUTPUT_TAGGING.get(format), format, kept)
          .dropped()
          .forEach(entry -> TagBudget.drop(dropped, entry));
      if (!format.equals("wav")) {
        if (bext != null) {
          TagBudget.drop(
              dropped,
              new DroppedTag(
                  format, "bext", "the Broadcast Wave bext chunk exists only in WAV outputs"));
        }
        if (ixml != null) {
          TagBudget.drop(
              dropped, new DroppedTag(format, "iXML", "the iXML chunk exists only in WAV outputs"));
        }
      }
    }
    return dropped;
  }

  /** I/O errors propagate; a parser bug on a crafted file costs only the WAVE chunks. */
  private static Optional<WavMetadataChunks> wavChunks(Path file) throws IOException {
    try {
      return BwfChunks.read(file);
    } catch (RuntimeException e) {
      log.warn(
          "{}: its RIFF chunks could not be parsed ({}); bext, iXML and INFO are skipped",
          file,
          e.toString());
      return Optional.empty();
    }
  }

  private ArtworkRef storeArtwork(String trackId, EmbeddedImage image) throws IOException {
    String key = BlobKeys.artworkKey(trackId, image.type().extension());
    store.storeBytes(key, image.data());
    return new ArtworkRef(key, image.type().mimeType(), image.data().length);
  }
}
