package com.audiostems.activities.metadata;

import com.audiostems.workflows.media.SourceProbe;
import com.audiostems.workflows.metadata.DroppedTag;
import com.audiostems.workflows.metadata.SourceTag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.reference.PictureTypes;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a source's tag with jaudiotagger: ID3 (MP3, AIFF, DSF, WAV's id3 chunk), Vorbis comments
 * (FLAC, Ogg Vorbis), MP4 atoms, ASF and RIFF INFO. Never throws: a file it cannot read, or a tag
 * that breaks it, gives what could be read and a warning.
 */
final class SourceTagReader {
  /** A cover is a few hundred KB; tens of MB in a tag is a crafted file, not artwork. */
  static final int MAX_ARTWORK_BYTES = 20 * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(SourceTagReader.class);

  static {
    JaudiotaggerLogging.silence();
  }

  private SourceTagReader() {}

  /**
   * jaudiotagger's name for the file's format ("mp3", "m4a"...), from what ffprobe found or,
   * without a probe, from the file name; empty for formats it cannot read (Opus, WavPack, AVI...).
   * The name of an upload says little: it is the content that counts.
   */
  static Optional<String> formatOf(SourceProbe probe, Path file) {
    if (probe != null && probe.container() != null) {
      return formatOfContainer(probe.container(), probe.codec() == null ? "" : probe.codec());
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "mp3", "flac", "m4a", "mp4", "ogg", "wav", "aif", "wma", "dsf", "dff" ->
          Optional.of(extension);
      case "aiff" -> Optional.of("aif");
      default -> Optional.empty();
    };
  }

  private static Optional<String> formatOfContainer(String container, String codec) {
    List<String> names = List.of(container.split(","));
    if (names.contains("mp4") || names.contains("m4a")) {
      return Optional.of("m4a");
    }
    String format =
        switch (names.get(0)) {
          case "mp3" -> "mp3";
          case "flac" -> "flac";
          case "wav" -> "wav";
          case "aiff" -> "aif";
          case "asf" -> "wma";
          case "dsf" -> "dsf";
          case "iff" -> codec.startsWith("dsd") ? "dff" : null;
          // jaudiotagger's Ogg reader knows Vorbis only; Opus and FLAC-in-Ogg would fail it.
          case "ogg" -> codec.equals("vorbis") ? "ogg" : null;
          default -> null;
        };
    return Optional.ofNullable(format);
  }

  /**
   * The tag's text fields and cover art; {@link SourceTags#none()} when there is nothing to read.
   */
  static SourceTags read(Path file, String format) {
    Tag tag;
    try {
      AudioFile audioFile = AudioFileIO.readAs(file.toFile(), format);
      tag = audioFile.getTag();
    } catch (CannotReadException e) {
      log.warn(
          "{}: jaudiotagger cannot read it as {} ({}); its tags are skipped",
          file,
          format,
          e.getMessage());
      return SourceTags.none();
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      // A crafted length can make the parser recurse or allocate an absurd array: either fails only
      // this read, and the track goes on without these tags.
      log.warn(
          "{}: its {} tag could not be parsed ({}); its tags are skipped",
          file,
          format,
          e.toString());
      return SourceTags.none();
    }
    if (tag == null) {
      return SourceTags.none();
    }
    Map<TextField, String> text = new EnumMap<>(TextField.class);
    for (TextField field : TextField.values()) {
      try {
        String value = firstValue(tag, field);
        if (value != null) {
          text.put(field, value);
        }
      } catch (RuntimeException e) {
        log.warn(
            "{}: could not read its {} ({}); the other fields are kept", file, field, e.toString());
      }
    }
    List<DroppedTag> dropped = new ArrayList<>();
    List<SourceTag> all;
    try {
      all = SourceTagCollector.collect(tag, dropped);
    } catch (RuntimeException | StackOverflowError e) {
      log.warn(
          "{}: its full tag list could not be read ({}); only the common fields are kept",
          file,
          e.toString());
      all = List.of();
      TagBudget.drop(dropped, "*", "the tag could not be read in full: " + e);
    }
    return new SourceTags(
        Collections.unmodifiableMap(text), artwork(file, tag, dropped), all, List.copyOf(dropped));
  }

  private static String firstValue(Tag tag, TextField field) {
    String value = TextField.clean(tag.getFirst(field.fieldKey()));
    if (value != null) {
      return value;
    }
    if (tag instanceof AbstractID3v2Tag id3) {
      return userTextFrame(id3, id3UserDescriptions(field));
    }
    for (String key : otherKeys(tag, field)) {
      value = TextField.clean(tag.getFirst(key));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * Where other taggers put a field that jaudiotagger's generic key misses. Publisher: jaudiotagger
   * maps it to LABEL in Vorbis comments, but ffmpeg and most taggers write PUBLISHER, and the
   * Vorbis comment spec's own field for the label is ORGANIZATION. Comment: jaudiotagger reads
   * COMMENT, but ffmpeg writes a comment as DESCRIPTION. MP4 has no standard publisher atom:
   * iTunes-style freeform atoms and the QuickTime "©pub" are all seen in the wild.
   */
  private static List<String> otherKeys(Tag tag, TextField field) {
    if (tag instanceof FlacTag || tag instanceof VorbisCommentTag) {
      return switch (field) {
        case PUBLISHER -> List.of("PUBLISHER", "ORGANIZATION");
        case COMMENT -> List.of("DESCRIPTION");
        case YEAR -> List.of("YEAR");
        default -> List.of();
      };
    }
    if (tag instanceof Mp4Tag) {
      return switch (field) {
        case PUBLISHER ->
            List.of(
                "©pub",
                "----:com.apple.iTunes:PUBLISHER",
                "----:com.apple.iTunes:publisher",
                "----:com.apple.iTunes:ORGANIZATION");
        default -> List.of();
      };
    }
    return List.of();
  }

  /** ffmpeg writes ISRC, comments and labels it has no ID3 frame for as TXXX frames. */
  private static List<String> id3UserDescriptions(TextField field) {
    return switch (field) {
      case ISRC -> List.of("ISRC");
      case PUBLISHER -> List.of("publisher", "label", "organization");
      case COMMENT -> List.of("comment");
      default -> List.of();
    };
  }

  private static String userTextFrame(AbstractID3v2Tag tag, List<String> descriptions) {
    for (String description : descriptions) {
      for (TagField field : tag.getFields("TXXX")) {
        if (field instanceof AbstractID3v2Frame frame
            && frame.getBody() instanceof FrameBodyTXXX body
            && description.equalsIgnoreCase(body.getDescription())) {
          String value = TextField.clean(body.getFirstTextValue());
          if (value != null) {
            return value;
          }
        }
      }
    }
    return null;
  }

  /** The front cover when marked as one, else the first embedded image we recognise. */
  private static EmbeddedImage artwork(Path file, Tag tag, List<DroppedTag> dropped) {
    List<Artwork> pictures;
    try {
      pictures = tag.getArtworkList();
    } catch (RuntimeException e) {
      log.warn("{}: its artwork could not be read ({})", file, e.toString());
      return null;
    }
    long embedded = pictures.stream().filter(picture -> !picture.isLinked()).count();
    if (embedded > 1) {
      TagBudget.drop(
          dropped,
          "PICTURE",
          (embedded - 1)
              + " of its "
              + embedded
              + " pictures: outputs carry one, the front cover (or else the first image)");
    }
    return pictures.stream()
        .filter(picture -> !picture.isLinked())
        .sorted(
            Comparator.comparing(picture -> picture.getPictureType() != PictureTypes.DEFAULT_ID))
        .map(picture -> image(file, picture))
        .filter(image -> image != null)
        .findFirst()
        .orElse(null);
  }

  private static EmbeddedImage image(Path file, Artwork picture) {
    byte[] data = picture.getBinaryData();
    if (data == null || data.length == 0) {
      return null;
    }
    if (data.length > MAX_ARTWORK_BYTES) {
      log.warn(
          "{}: embedded picture of {} bytes is over the {} byte limit and was skipped",
          file,
          data.length,
          MAX_ARTWORK_BYTES);
      return null;
    }
    Optional<ImageType> type = ImageType.sniff(data);
    if (type.isEmpty()) {
      log.warn(
          "{}: embedded picture ({}) is not a JPEG, PNG, GIF, BMP or WebP image and was skipped",
          file,
          picture.getMimeType());
      return null;
    }
    return new EmbeddedImage(data, type.get());
  }
}
