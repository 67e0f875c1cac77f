package com.audiostems.activities.metadata;

import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.metadata.SourceTag;
import com.audiostems.workflows.metadata.TrackMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTagField;

/**
 * Tags outputs with jaudiotagger (MP3: ID3v2.4, M4A: MP4 atoms, FLAC: Vorbis comments and a PICTURE
 * block) and WAV with our own chunk writer (LIST/INFO, plus bext and iXML when the source had
 * them). jaudiotagger rewrites only tag structures, never audio frames; it works on a copy that
 * replaces the output once complete, so a failed write leaves the untagged output intact.
 */
public final class JaudiotaggerOutputTagger implements OutputTagger {

  static {
    JaudiotaggerLogging.silence();
  }

  @Override
  public void tag(Path output, OutputFormat format, TrackMetadata trackMetadata, Path artwork)
      throws IOException {
    TrackMetadata metadata = trackMetadata == null ? TrackMetadata.empty() : trackMetadata;
    String container = containerOf(format);
    // RIFF INFO has no picture: WAV outputs carry no artwork.
    if (container.equals("wav")) {
      tagWav(output, metadata, artwork);
    } else {
      tagWithJaudiotagger(output, container, metadata, artwork);
    }
  }

  @Override
  public boolean tagAnalysis(Path output, OutputFormat format, Integer bpm, String initialKey)
      throws IOException {
    String container = containerOf(format);
    if (bpm == null && initialKey == null) {
      return false;
    }
    if (container.equals("wav")) {
      BwfChunkWriter.write(output, null, null, null, id3Tag(output, bpm, initialKey));
      return true;
    }
    editWithJaudiotagger(
        output,
        container,
        tag -> {
          if (tag instanceof FlacTag flac) {
            if (bpm != null) {
              replaceVorbisField(flac.getVorbisCommentTag(), "BPM", bpm.toString());
            }
            if (initialKey != null) {
              replaceVorbisField(flac.getVorbisCommentTag(), "INITIALKEY", initialKey);
            }
          } else {
            // FieldKey.BPM and KEY are TBPM/TKEY in ID3 and tmpo/----:com.apple.iTunes:initialkey
            // in MP4.
            if (bpm != null) {
              tag.setField(FieldKey.BPM, bpm.toString());
            }
            if (initialKey != null) {
              tag.setField(FieldKey.KEY, initialKey);
            }
          }
        });
    return true;
  }

  static TagFamily familyOf(String container) {
    return switch (container) {
      case "flac" -> TagFamily.VORBIS;
      case "m4a" -> TagFamily.MP4;
      default -> TagFamily.ID3;
    };
  }

  static String containerOf(OutputFormat format) {
    return switch (format) {
      case PREVIEW_MP3_128, MP3_320 -> "mp3";
      case AAC_256, ALAC -> "m4a";
      case FLAC, FLAC_96K -> "flac";
      case WAV_24 -> "wav";
    };
  }

  @FunctionalInterface
  private interface TagEdit {
    void apply(Tag tag) throws Exception;
  }

  private static void tagWithJaudiotagger(
      Path output, String container, TrackMetadata metadata, Path artworkFile) throws IOException {
    Optional<Artwork> cover =
        artworkFile == null ? Optional.empty() : CoverArt.load(artworkFile, container);
    editWithJaudiotagger(
        output,
        container,
        tag -> {
          writeAll(tag, familyOf(container), container, metadata);
          if (cover.isPresent()) {
            tag.deleteArtworkField();
            tag.setField(cover.get());
          }
        });
  }

  /**
   * The named fields where the tag list lacks them (metadata made without one, or a value found
   * only in RIFF INFO or under another tagger's name), then every tag the format can hold.
   */
  private static void writeAll(Tag tag, TagFamily family, String format, TrackMetadata metadata)
      throws Exception {
    Set<String> listed = new HashSet<>();
    metadata.tags().forEach(t -> listed.add(t.key()));
    for (TextField field : TextField.values()) {
      String value = field.valueIn(metadata);
      if (value != null && !listed.contains(field.fieldKey().name())) {
        setText(tag, field, value);
      }
    }
    writeTags(tag, family, TagPlan.of(family, format, metadata.tags()).writable());
  }

  /**
   * Writes the tags, each replacing what the file held under its key: the encoder's own tags, or an
   * earlier tagging of the same file.
   */
  static void writeTags(Tag target, TagFamily family, List<SourceTag> tags) throws Exception {
    Tag tag = target instanceof FlacTag flac ? flac.getVorbisCommentTag() : target;
    for (SourceTag entry : tags) {
      if (!entry.custom()) {
        tag.deleteField(FieldKey.valueOf(entry.key()));
      } else if (family == TagFamily.VORBIS) {
        deleteVorbisField((VorbisCommentTag) tag, entry.key());
      } else if (family == TagFamily.MP4) {
        tag.deleteField(family.customRawId(entry.key()));
      }
    }
    for (SourceTag entry : tags) {
      if (entry.custom()) {
        for (TagField field : family.customFields(entry.key(), entry.values())) {
          if (family == TagFamily.ID3) {
            // A TXXX replaces the one of the same description; the others stay.
            tag.setField(field);
          } else {
            tag.addField(field);
          }
        }
      } else {
        FieldKey key = FieldKey.valueOf(entry.key());
        for (String value : entry.values()) {
          tag.addField(key, value);
        }
      }
    }
  }

  /**
   * Edits a copy's tag and moves it over the output once written, so a failed write changes
   * nothing.
   */
  private static void editWithJaudiotagger(Path output, String container, TagEdit edit)
      throws IOException {
    Path work =
        output.resolveSibling("." + output.getFileName() + "." + UUID.randomUUID() + ".tagging");
    Files.copy(output, work);
    try {
      AudioFile audioFile = AudioFileIO.readAs(work.toFile(), container);
      Tag tag =
          container.equals("mp3") ? id3v24(audioFile) : audioFile.getTagOrCreateAndSetDefault();
      edit.apply(tag);
      audioFile.commit();
      Files.move(work, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(
          "Could not write " + container + " tags into " + output + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(work);
    }
  }

  /** ID3v2.4 whatever ffmpeg wrote, keeping its frames: v2.4 has TDRC for dates and UTF-8 text. */
  private static Tag id3v24(AudioFile audioFile) {
    MP3File mp3 = (MP3File) audioFile;
    ID3v24Tag tag = mp3.hasID3v2Tag() ? mp3.getID3v2TagAsv24() : new ID3v24Tag();
    mp3.setID3v2Tag(tag);
    return tag;
  }

  private static void setText(Tag tag, TextField field, String value) throws Exception {
    if (tag instanceof FlacTag flac) {
      for (String key : vorbisKeys(field)) {
        replaceVorbisField(flac.getVorbisCommentTag(), key, value);
      }
    } else {
      tag.setField(field.fieldKey(), value);
    }
  }

  /**
   * The Vorbis comment names players read. The publisher goes in twice: PUBLISHER (ffmpeg's, and so
   * every ffmpeg-based player's) and ORGANIZATION (the Vorbis comment spec's field for the label),
   * rather than jaudiotagger's LABEL, which few players know.
   */
  private static List<String> vorbisKeys(TextField field) {
    return switch (field) {
      case TITLE -> List.of("TITLE");
      case ARTIST -> List.of("ARTIST");
      case ALBUM -> List.of("ALBUM");
      case ISRC -> List.of("ISRC");
      case COMPOSER -> List.of("COMPOSER");
      case PUBLISHER -> List.of("PUBLISHER", "ORGANIZATION");
      case GENRE -> List.of("GENRE");
      case YEAR -> List.of("DATE");
      case COMMENT -> List.of("COMMENT");
    };
  }

  /** Vorbis comment names are case-insensitive, and ffmpeg writes them in lower case. */
  private static void replaceVorbisField(VorbisCommentTag comments, String key, String value)
      throws Exception {
    deleteVorbisField(comments, key);
    comments.addField(new VorbisCommentTagField(key, value));
  }

  private static void deleteVorbisField(VorbisCommentTag comments, String key) {
    List<String> existing = new ArrayList<>();
    comments
        .getFields()
        .forEachRemaining(
            (TagField field) -> {
              if (field.getId().equalsIgnoreCase(key)) {
                existing.add(field.getId());
              }
            });
    existing.stream().distinct().forEach(comments::deleteField);
  }

  /**
   * RIFF INFO for the named fields (what Windows and BWF tools show), and an {@code id3 } chunk
   * with every tag and the cover, where ffmpeg, taglib and DJ software read a WAV's full tagging.
   */
  private static void tagWav(Path output, TrackMetadata metadata, Path artworkFile)
      throws IOException {
    Map<String, String> ours = new LinkedHashMap<>();
    for (TextField field : TextField.values()) {
      String value = field.valueIn(metadata);
      if (value != null) {
        ours.put(field.infoId(), value);
      }
    }
    Map<String, String> info = null;
    if (!ours.isEmpty()) {
      // Entries we do not set (ffmpeg's ISFT, say) stay.
      info =
          new LinkedHashMap<>(BwfChunks.read(output).map(WavMetadataChunks::info).orElse(Map.of()));
      info.putAll(ours);
    }
    Optional<Artwork> cover =
        artworkFile == null ? Optional.empty() : CoverArt.load(artworkFile, "mp3");
    byte[] id3 = null;
    if (!ours.isEmpty() || !metadata.tags().isEmpty() || cover.isPresent()) {
      id3 =
          id3Chunk(
              output,
              tag -> {
                writeAll(tag, TagFamily.ID3, "wav", metadata);
                if (cover.isPresent()) {
                  tag.deleteArtworkField();
                  tag.setField(cover.get());
                }
              });
    }
    if (info == null && id3 == null && metadata.bext() == null && metadata.ixml() == null) {
      return;
    }
    BwfChunkWriter.write(output, info, metadata.bext(), metadata.ixml(), id3);
  }

  /** The WAV's {@code id3 } chunk with TBPM and TKEY set, its other frames kept. */
  private static byte[] id3Tag(Path wav, Integer bpm, String initialKey) throws IOException {
    return id3Chunk(
        wav,
        tag -> {
          if (bpm != null) {
            tag.setField(FieldKey.BPM, bpm.toString());
          }
          if (initialKey != null) {
            tag.setField(FieldKey.KEY, initialKey);
          }
        });
  }

  /**
   * The WAV's {@code id3 } chunk as ID3v2.4 after the edit, as bytes; a chunk that cannot be parsed
   * is started afresh.
   */
  private static byte[] id3Chunk(Path wav, TagEdit edit) throws IOException {
    try {
      ID3v24Tag tag = new ID3v24Tag();
      Optional<byte[]> existing = BwfChunks.id3(wav);
      if (existing.isPresent()) {
        try {
          tag = new ID3v24Tag(ByteBuffer.wrap(existing.get()), wav.toString());
        } catch (Exception | StackOverflowError e) {
          tag = new ID3v24Tag();
        }
      }
      edit.apply(tag);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      tag.write(Channels.newChannel(bytes), 0);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("Could not build the id3 chunk of " + wav + ": " + e.getMessage(), e);
    }
  }
}
