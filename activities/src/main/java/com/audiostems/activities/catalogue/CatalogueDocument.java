package com.audiostems.activities.catalogue;

import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintCodec;
import java.io.IOException;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The catalogue's document per track and its postings layout (docs/fingerprint-catalogue.md): the
 * track id, the stored fingerprint, and one token per hash whose position packs the anchor frame
 * and pitch.
 */
final class CatalogueDocument {

  private CatalogueDocument() {}

  /** Field: the track id (keyword term + sorted doc values). */
  static final String TRACK_ID = "track_id";

  /** Field: the encoded fingerprint (stored only). */
  static final String FINGERPRINT = "fingerprint";

  /** Field: the landmark hashes, positions = anchor frame and pitch. */
  static final String HASHES = "hashes";

  /** Commit-data key of the postings layout version. */
  static final String LAYOUT_KEY = "fingerprint.layout";

  /** The postings layout written by this class; bump it whenever {@link #HASHES} changes. */
  static final String LAYOUT_VERSION = "1";

  /** Low bits of a position that hold the anchor pitch; the anchor frame is above them. */
  static final int PITCH_BITS = 11;

  static final int PITCH_MASK = (1 << PITCH_BITS) - 1;

  private static final FieldType HASHES_TYPE = hashesFieldType();

  /** The document of one track; refuses an empty id or anchors outside the layout. */
  static Document of(String trackId, Fingerprint fp) {
    if (trackId == null || trackId.isEmpty()) {
      throw new IllegalArgumentException("track id must not be empty");
    }
    Document doc = new Document();
    doc.add(new StringField(TRACK_ID, trackId, Field.Store.NO));
    doc.add(new SortedDocValuesField(TRACK_ID, new BytesRef(trackId)));
    doc.add(new StoredField(FINGERPRINT, FingerprintCodec.encode(fp)));
    doc.add(new Field(HASHES, new HashTokens(fp), HASHES_TYPE));
    return doc;
  }

  /** The stored fingerprint of a document. */
  static Fingerprint storedFingerprint(StoredFields stored, int doc) throws IOException {
    BytesRef blob = stored.document(doc, Set.of(FINGERPRINT)).getBinaryValue(FINGERPRINT);
    return FingerprintCodec.decode(blob.bytes, blob.offset, blob.length);
  }

  /** What {@link #forEachStored} hands each live track. */
  interface StoredTrackVisitor {
    void visit(String trackId, Fingerprint fp) throws IOException;
  }

  /**
   * Calls {@code visitor} with the id and stored fingerprint of every live track of {@code reader}.
   */
  static void forEachStored(IndexReader reader, StoredTrackVisitor visitor) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader segment = leaf.reader();
      Bits live = segment.getLiveDocs();
      StoredFields stored = segment.storedFields();
      SortedDocValues ids = DocValues.getSorted(segment, TRACK_ID);
      for (int doc = 0; doc < segment.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (!ids.advanceExact(doc)) {
          throw new IllegalStateException("document " + doc + " has no track id");
        }
        visitor.visit(ids.lookupOrd(ids.ordValue()).utf8ToString(), storedFingerprint(stored, doc));
      }
    }
  }

  private static FieldType hashesFieldType() {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.setTokenized(true);
    t.setOmitNorms(true);
    t.setStored(false);
    t.freeze();
    return t;
  }

  /** The position of a hash token: anchor frame and pitch in one number. */
  static int position(int anchorFrame, int anchorPitch) {
    return anchorFrame << PITCH_BITS | anchorPitch;
  }

  /** The term of a hash: its 4 bytes, big-endian. */
  static BytesRef term(int hash) {
    return new BytesRef(
        new byte[] {(byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash});
  }
}
