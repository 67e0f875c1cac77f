package com.audiostems.activities.catalogue;

import static com.audiostems.activities.catalogue.CatalogueDocument.PITCH_BITS;
import static com.audiostems.activities.catalogue.CatalogueDocument.PITCH_MASK;

import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.PostingSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The postings of one point-in-time snapshot, and its stored fingerprints for verifying a budgeted
 * lookup's best candidates. Track numbers are the snapshot's global document numbers. One instance
 * per lookup: it keeps per-segment enumerators, which are not thread-safe, for reuse across the
 * query's hashes.
 */
final class SnapshotPostings implements PostingSource {
  private static final TermState[] NO_STATES = new TermState[0];

  private final List<LeafReaderContext> leaves;
  private final TermsEnum[] termsEnums;
  private final PostingsEnum[] postings;
  private final Bits[] liveDocs;
  private final Map<Integer, SortedDocValues> trackIds = new HashMap<>();
  // Term states found by postingCount, so that the walk that follows need not seek again.
  private final Map<Integer, TermState[]> states = new HashMap<>();
  private final int maxDoc;

  SnapshotPostings(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    maxDoc = reader.maxDoc();
    leaves = reader.leaves();
    int n = leaves.size();
    termsEnums = new TermsEnum[n];
    postings = new PostingsEnum[n];
    liveDocs = new Bits[n];
    for (int i = 0; i < n; i++) {
      LeafReader leaf = leaves.get(i).reader();
      Terms terms = leaf.terms(CatalogueDocument.HASHES);
      termsEnums[i] = terms == null ? null : terms.iterator();
      liveDocs[i] = leaf.getLiveDocs();
    }
  }

  /** The hash's total term frequency over the segments (deleted tracks included until merged). */
  @Override
  public long postingCount(int hash) {
    BytesRef term = CatalogueDocument.term(hash);
    long count = 0;
    TermState[] found = null;
    try {
      for (int i = 0; i < termsEnums.length; i++) {
        TermsEnum te = termsEnums[i];
        if (te != null && te.seekExact(term)) {
          count += te.totalTermFreq();
          if (found == null) {
            found = new TermState[termsEnums.length];
          }
          found[i] = te.termState();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    states.put(hash, found == null ? NO_STATES : found);
    return count;
  }

  @Override
  public void forEachPosting(int hash, PostingVisitor visitor) {
    BytesRef term = CatalogueDocument.term(hash);
    TermState[] known = states.get(hash);
    try {
      for (int i = 0; i < termsEnums.length; i++) {
        TermsEnum te = termsEnums[i];
        if (te == null) {
          continue;
        }
        if (known != null) {
          if (known == NO_STATES || known[i] == null) {
            continue;
          }
          te.seekExact(term, known[i]);
        } else if (!te.seekExact(term)) {
          continue;
        }
        PostingsEnum pe = te.postings(postings[i], PostingsEnum.POSITIONS);
        postings[i] = pe;
        visitLivePostings(pe, liveDocs[i], leaves.get(i).docBase, visitor);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void visitLivePostings(
      PostingsEnum pe, Bits live, int docBase, PostingVisitor visitor) throws IOException {
    for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      int track = docBase + doc;
      for (int k = pe.freq(); k > 0; k--) {
        int p = pe.nextPosition();
        visitor.visit(track, p >>> PITCH_BITS, p & PITCH_MASK);
      }
    }
  }

  @Override
  public int trackNumberBound() {
    return maxDoc;
  }

  /** The track's stored fingerprint: what verifies a budgeted lookup's candidates. */
  @Override
  public Fingerprint fingerprint(int trackNumber) {
    int i = ReaderUtil.subIndex(trackNumber, leaves);
    LeafReaderContext leaf = leaves.get(i);
    try {
      return CatalogueDocument.storedFingerprint(
          leaf.reader().storedFields(), trackNumber - leaf.docBase);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String trackId(int trackNumber) {
    int i = ReaderUtil.subIndex(trackNumber, leaves);
    LeafReaderContext leaf = leaves.get(i);
    int doc = trackNumber - leaf.docBase;
    try {
      SortedDocValues ids = trackIds.get(i);
      // Doc values iterate forwards only; the matcher asks in no particular order.
      if (ids == null || ids.docID() > doc) {
        ids = DocValues.getSorted(leaf.reader(), CatalogueDocument.TRACK_ID);
        trackIds.put(i, ids);
      }
      if (!ids.advanceExact(doc)) {
        throw new IllegalStateException("document " + trackNumber + " has no track id");
      }
      return ids.lookupOrd(ids.ordValue()).utf8ToString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
