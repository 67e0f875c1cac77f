package com.audiostems.activities.metadata;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.TagTextField;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v22Tag;
import org.jaudiotagger.tag.id3.ID3v23Tag;
import org.jaudiotagger.tag.id3.ID3v24Frame;
import org.jaudiotagger.tag.id3.ID3v24Frames;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.id3.framebody.AbstractFrameBodyTextInfo;
import org.jaudiotagger.tag.id3.framebody.FrameBodyCOMM;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.id3.framebody.FrameBodyUFID;
import org.jaudiotagger.tag.id3.framebody.FrameBodyWXXX;
import org.jaudiotagger.tag.id3.valuepair.TextEncoding;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTagField;

/**
 * The three tag families jaudiotagger maps its generic fields into: ID3v2 frames, Vorbis comments
 * and MP4 atoms. jaudiotagger's own table says where each generic field lives (TRACK in TRCK,
 * TRACKNUMBER or trkn); this class adds where custom keys live (TXXX, a plain Vorbis name, a
 * freeform {@code ----:com.apple.iTunes:} atom) and the raw id of every field, so a reader can tell
 * the fields the table covers from the ones it must carry as custom.
 */
enum TagFamily {
  VORBIS("flac", VorbisCommentTag::createNewTag),
  ID3("mp3", ID3v24Tag::new),
  MP4("m4a", Mp4Tag::new);

  /** iTunes' own freeform namespace: what taggers and players read custom MP4 keys from. */
  static final String ITUNES_MEAN = "com.apple.iTunes";

  private static final Map<Class<?>, Map<FieldKey, String>> RAW_IDS = new ConcurrentHashMap<>();

  private final String container;
  private final Supplier<Tag> emptyTag;

  TagFamily(String container, Supplier<Tag> emptyTag) {
    this.container = container;
    this.emptyTag = emptyTag;
  }

  /** jaudiotagger's container name of the outputs tagged in this family. */
  String container() {
    return container;
  }

  Tag emptyTag() {
    return emptyTag.get();
  }

  /** The family of a tag jaudiotagger read, or null for one it maps only through generic keys. */
  static TagFamily of(Tag tag) {
    if (tag instanceof VorbisCommentTag) {
      return VORBIS;
    }
    if (tag instanceof AbstractID3v2Tag) {
      return ID3;
    }
    if (tag instanceof Mp4Tag) {
      return MP4;
    }
    return null;
  }

  /**
   * Where a tag of {@code tag}'s own class (ID3v2.2, 2.3 and 2.4 differ: TYER against TDRC) keeps
   * each generic field, as {@link #rawIdOf} names it; generic fields it cannot hold are absent.
   */
  static Map<FieldKey, String> rawIds(Tag tag) {
    return RAW_IDS.computeIfAbsent(tag.getClass(), type -> computeRawIds(blankLike(tag)));
  }

  private static Tag blankLike(Tag tag) {
    return switch (tag) {
      case ID3v22Tag ignored -> new ID3v22Tag();
      case ID3v23Tag ignored -> new ID3v23Tag();
      case ID3v24Tag ignored -> new ID3v24Tag();
      case Mp4Tag ignored -> new Mp4Tag();
      default -> VorbisCommentTag.createNewTag();
    };
  }

  private static Map<FieldKey, String> computeRawIds(Tag blank) {
    Map<FieldKey, String> ids = new EnumMap<>(FieldKey.class);
    for (FieldKey key : FieldKey.values()) {
      try {
        // "1" is valid for the numeric fields (track, disc, BPM, rating, compilation) too.
        ids.put(key, rawIdOf(blank.createField(key, "1")));
      } catch (Exception | Error e) {
        // no such field in this family
      }
    }
    return ids;
  }

  /**
   * A field's identity within its tag: the frame id, plus the description or owner for the frames
   * that repeat with different ones (TXXX, COMM, UFID, WXXX); the Vorbis name in upper case (they
   * are case-insensitive); the atom id for MP4 (a freeform's id holds its name).
   */
  static String rawIdOf(TagField field) {
    if (field instanceof AbstractID3v2Frame frame) {
      String suffix =
          switch (frame.getBody()) {
            case FrameBodyTXXX body -> ":" + body.getDescription();
            case FrameBodyCOMM body -> ":" + body.getDescription();
            case FrameBodyUFID body -> ":" + body.getOwner();
            case FrameBodyWXXX body -> ":" + body.getDescription();
            default -> "";
          };
      return frame.getIdentifier() + suffix;
    }
    if (field instanceof VorbisCommentTagField) {
      return field.getId().toUpperCase(Locale.ROOT);
    }
    return field.getId();
  }

  /**
   * The name a custom field goes by in every family: a TXXX's description, a Vorbis comment's name,
   * a freeform atom's name; null for a field that is neither (a binary frame, an unmapped atom).
   */
  static String customKeyOf(TagField field) {
    if (field instanceof AbstractID3v2Frame frame) {
      return frame.getBody() instanceof FrameBodyTXXX body ? body.getDescription() : null;
    }
    if (field instanceof VorbisCommentTagField) {
      return field.getId();
    }
    if (field instanceof Mp4TagReverseDnsField freeform) {
      return freeform.getDescriptor();
    }
    return null;
  }

  /** The text values of a custom field: a TXXX holds several, separated by NULs. */
  static List<String> valuesOf(TagField field) {
    if (field instanceof AbstractID3v2Frame frame
        && frame.getBody() instanceof AbstractFrameBodyTextInfo body) {
      return new ArrayList<>(body.getValues());
    }
    if (field instanceof TagTextField text) {
      return List.of(text.getContent());
    }
    return List.of();
  }

  /**
   * Why this family cannot hold a custom key, or null when it can. Vorbis comment names are
   * printable ASCII without '=' (the Vorbis I specification, section 5.2.3); a TXXX description and
   * a freeform atom's name are any text.
   */
  String customKeyProblem(String key) {
    if (this != VORBIS) {
      return null;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7D || c == '=') {
        return "a Vorbis comment name is printable ASCII without '=' and '"
            + key
            + "' is not, so it cannot be a FLAC tag";
      }
    }
    return null;
  }

  /** A custom field holding all the values: one TXXX, one Vorbis comment or freeform atom each. */
  List<TagField> customFields(String key, List<String> values) {
    return switch (this) {
      case VORBIS ->
          values.stream().map(value -> (TagField) new VorbisCommentTagField(key, value)).toList();
      case ID3 -> {
        FrameBodyTXXX body = new FrameBodyTXXX(TextEncoding.UTF_8, key, values.get(0));
        values.stream().skip(1).forEach(body::addTextValue);
        ID3v24Frame frame = new ID3v24Frame(ID3v24Frames.FRAME_ID_USER_DEFINED_INFO);
        frame.setBody(body);
        yield List.of(frame);
      }
      case MP4 ->
          values.stream()
              .map(
                  value ->
                      (TagField)
                          new Mp4TagReverseDnsField(
                              Mp4TagReverseDnsField.IDENTIFIER + ":" + ITUNES_MEAN + ":" + key,
                              ITUNES_MEAN,
                              key,
                              value))
              .toList();
    };
  }

  /** Raw id of the custom field {@link #customFields} makes for the key. */
  String customRawId(String key) {
    return switch (this) {
      case VORBIS -> key.toUpperCase(Locale.ROOT);
      case ID3 -> "TXXX:" + key;
      case MP4 -> Mp4TagReverseDnsField.IDENTIFIER + ":" + ITUNES_MEAN + ":" + key;
    };
  }
}
