package com.audiostems.activities.catalogue;

import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintCodec;
import com.audiostems.dsp.fingerprint.FingerprintMatcher;
import com.audiostems.dsp.fingerprint.LookupLimits;
import com.audiostems.dsp.fingerprint.Match;
import com.audiostems.dsp.fingerprint.PostingSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The fingerprint catalogue on disk: an inverted index hash → (track, anchor frame, anchor pitch)
 * in Apache Lucene, matched by {@link FingerprintMatcher} exactly as the in-memory {@link
 * com.audiostems.dsp.fingerprint.FingerprintIndex} is.
 *
 * <h2>Data model: one Lucene document per track</h2>
 *
 * <ul>
 *   <li>{@value #TRACK_ID} — the track id, a keyword: indexed as one untokenised term (to replace
 *       and delete by id) and as sorted doc values (to turn a matched document back into its id
 *       without touching stored fields).
 *   <li>{@value #FINGERPRINT} — the whole {@link Fingerprint} in {@link FingerprintCodec} form,
 *       stored only: the source of truth, from which {@link #reindexAll()} rebuilds the postings
 *       and {@link #fingerprintOf} answers.
 *   <li>{@value #HASHES} — one token per landmark hash, indexed with positions and nothing else
 *       (no norms, no stored value). The term is the hash as 4 big-endian bytes. The position is
 *       {@code anchorFrame << 11 | anchorPitch}: both numbers the matcher needs come back from one
 *       position read, with no payload file to decode (why not frame as position and pitch as
 *       payload: that layout is as expressive but reads and stores two streams per posting). The
 *       11 bits hold pitches 0..2047 (1/32 semitone, i.e. 64 semitones above {@link
 *       com.audiostems.dsp.fingerprint.Fingerprinter#F_REF_HZ}; the Fingerprinter's band ends at
 *       56); the remaining 20 bits hold frames up to {@link #MAX_ANCHOR_FRAME} (4.6 h at 62.5
 *       frames/s). A fingerprint outside those ranges is refused rather than silently folded.
 * </ul>
 *
 * A posting of hash h is (document = track, position = frame and pitch); a track that holds h
 * several times has several positions in one posting. The layout's version is kept in the commit
 * data ({@value #LAYOUT_KEY}); {@link #open} rebuilds the postings of an index written under
 * another layout from the stored fingerprints.
 *
 * <h2>Reading</h2>
 *
 * {@link #lookup} takes a point-in-time snapshot (near-real-time reader from {@link
 * SearcherManager}) and hands the matcher a {@link PostingSource} over it: per segment, one
 * {@code TermsEnum.seekExact} per distinct probed hash, whose total term frequency is the hash's
 * posting count (the matcher reads the query's rarest hashes first within the {@link LookupLimits}'
 * posting budget, {@link FingerprintMatcher#DEFAULT_POSTING_BUDGET} in production), then for the hashes within the budget a walk
 * of the postings with positions from the remembered term state, skipping deleted documents; track
 * numbers are global document numbers of the snapshot. Matches never wait for writers and see
 * either all or none of a put.
 *
 * <h2>Writing and durability</h2>
 *
 * {@link #put} and {@link #remove} commit before they return (durable, and visible to the next
 * match). Bulk loading uses {@link #stage} — buffered, neither visible nor durable — and then one
 * {@link #flush()}, which commits and refreshes. Puts may run in parallel (bulk loads use
 * several threads); remove, reindexAll and flush exclude other writers; readers take no lock. {@link #forceMerge} folds the index into few segments, which makes lookups faster (one
 * term seek per hash instead of one per segment).
 *
 * <h2>Outgrowing one machine: OpenSearch</h2>
 *
 * The same document per track carries over to an OpenSearch index, the track id as the
 * document's {@code _id}:
 *
 * <ul>
 *   <li>{@code track_id}: {@code keyword} (doc values on, as here).
 *   <li>{@code fingerprint}: {@code binary} ({@code store: true}), the {@link FingerprintCodec}
 *       bytes in base64; the claim-check blob and the source for re-indexing, as here.
 *   <li>{@code hashes}: {@code text} with {@code index_options: positions}, {@code norms: false},
 *       and an analyser of a whitespace tokenizer plus a {@code delimited_payload} filter with
 *       {@code encoding: int}; the document carries one token {@code "<hash>|<frame << 11 |
 *       pitch>"} per landmark. JSON cannot set token positions, so the packed (frame, pitch)
 *       travels as the payload rather than the position; it is the same number.
 * </ul>
 *
 * Shards split the tracks and each shard is a Lucene index of one document per track, so the
 * per-shard walk is this class's {@code SnapshotPostings} reading payloads instead of positions.
 * The query DSL does not return postings, so that walk runs in a small OpenSearch plugin (a
 * search action that takes the probed hashes and returns (track, frame, pitch) per hash, or runs
 * {@link FingerprintMatcher} per shard: a track's score depends on its own postings only, so
 * per-shard candidate lists merge exactly by score). The index itself needs nothing custom.
 *
 * <p>Thread-safe.
 */
public final class LuceneFingerprintCatalogue implements Closeable {

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

  static final int PITCH_BITS = 11;
  static final int PITCH_MASK = (1 << PITCH_BITS) - 1;

  /** Largest anchor frame the position layout can hold. */
  public static final int MAX_ANCHOR_FRAME = (IndexWriter.MAX_POSITION >> PITCH_BITS) - 1;

  /** Largest anchor pitch (1/32 semitone above the reference) the position layout can hold. */
  public static final int MAX_ANCHOR_PITCH = PITCH_MASK;

  private static final FieldType HASHES_TYPE = hashesFieldType();

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  // put/stage take the shared side (IndexWriter updates are atomic per document and may run in
  // parallel); remove, reindexAll, flush, forceMerge and close take the exclusive side, because they
  // look at the index and then change it.
  private final ReentrantReadWriteLock writeLocks = new ReentrantReadWriteLock();
  private final ReentrantReadWriteLock.ReadLock sharedWrite = writeLocks.readLock();
  private final ReentrantReadWriteLock.WriteLock exclusiveWrite = writeLocks.writeLock();

  private LuceneFingerprintCatalogue(Directory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens the catalogue in {@code directory}, creating it if it does not exist. An index written
   * under another postings layout is re-indexed from its stored fingerprints before this returns.
   */
  public static LuceneFingerprintCatalogue open(Path directory) {
    return open(directory, 64);
  }

  /**
   * As {@link #open(Path)}, with the indexing buffer size: larger buffers mean fewer, larger
   * segments when bulk loading through {@link #stage}.
   */
  public static LuceneFingerprintCatalogue open(Path directory, double ramBufferMb) {
    Directory dir = null;
    IndexWriter writer = null;
    try {
      dir = FSDirectory.open(directory);
      IndexWriterConfig config = new IndexWriterConfig()
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(ramBufferMb)
          // Postings and blobs of big segments are read in bulk; compound files only save handles.
          .setUseCompoundFile(false);
      writer = new IndexWriter(dir, config);
      LuceneFingerprintCatalogue catalogue = new LuceneFingerprintCatalogue(dir, writer);
      String layout = layoutOf(writer);
      if (layout == null) {
        catalogue.setLayoutAndCommit();
      } else if (!layout.equals(LAYOUT_VERSION)) {
        catalogue.reindexAll();
      }
      return catalogue;
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer);
      closeQuietly(dir);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private static String layoutOf(IndexWriter writer) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(LAYOUT_KEY)) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  /** Adds or replaces a track; durable and visible to matches on return. */
  public void put(String trackId, Fingerprint fp) {
    Document doc = document(trackId, fp);
    sharedWrite.lock();
    try {
      writer.updateDocument(new Term(TRACK_ID, trackId), doc);
      commitAndRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      sharedWrite.unlock();
    }
  }

  /**
   * Adds or replaces a track in the write buffer only: neither durable nor visible to matches
   * until the next {@link #flush()} (or {@link #put}/{@link #remove}, which commit everything
   * staged before them). For bulk loading, where a commit per track would dominate.
   */
  public void stage(String trackId, Fingerprint fp) {
    Document doc = document(trackId, fp);
    sharedWrite.lock();
    try {
      writer.updateDocument(new Term(TRACK_ID, trackId), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      sharedWrite.unlock();
    }
  }

  /** Commits everything staged and makes it visible to matches. */
  public void flush() {
    exclusiveWrite.lock();
    try {
      commitAndRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      exclusiveWrite.unlock();
    }
  }

  /** Removes a track; returns whether it was there. Durable on return. */
  public boolean remove(String trackId) {
    exclusiveWrite.lock();
    try {
      searchers.maybeRefreshBlocking(); // see what was staged, so that the answer is true
      if (!contains(trackId)) {
        return false;
      }
      writer.deleteDocuments(new Term(TRACK_ID, trackId));
      commitAndRefresh();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      exclusiveWrite.unlock();
    }
  }

  /** Whether the catalogue holds the track (as of the last commit or refresh). */
  public boolean contains(String trackId) {
    return withSearcher(s -> s.count(new TermQuery(new Term(TRACK_ID, trackId))) > 0);
  }

  /** Number of tracks (as of the last commit or refresh). */
  public int trackCount() {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  /** The stored fingerprint of a track. */
  public Optional<Fingerprint> fingerprintOf(String trackId) {
    return withSearcher(s -> {
      TopDocs top = s.search(new TermQuery(new Term(TRACK_ID, trackId)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(storedFingerprint(s.storedFields(), top.scoreDocs[0].doc));
    });
  }

  /**
   * The candidates of {@code query} within {@code limits}, best first: {@link
   * FingerprintMatcher#match} over a point-in-time snapshot, exactly the in-memory index's answer
   * under the same limits. {@link LookupLimits#production()} is the production lookup (its first
   * candidate, if any, is the identified track); {@link LookupLimits#exact()} reads every hash.
   * Posting counts are the hashes' total term frequencies (deleted tracks included until merged
   * away), and the best candidates of a budgeted lookup are verified against their stored
   * fingerprints, which gives them their exact scores.
   */
  public List<Match> lookup(Fingerprint query, LookupLimits limits) {
    return withSearcher(s -> FingerprintMatcher.match(query, new SnapshotPostings(s), limits));
  }

  /**
   * Runs {@code f} over the postings of one point-in-time snapshot: for matchers other than {@link
   * FingerprintMatcher} and for diagnostics. The source is valid only inside {@code f} and only on
   * the calling thread.
   */
  public <T> T withPostings(Function<PostingSource, T> f) {
    return withSearcher(s -> f.apply(new SnapshotPostings(s)));
  }

  /**
   * Rebuilds every track's postings from its stored fingerprint (after a change of the postings
   * layout, or to recover from a lost posting field), then commits with the current layout
   * version. Matches keep seeing the old postings until the commit. To re-index one track from a
   * new fingerprint, {@link #put} it.
   */
  public void reindexAll() {
    exclusiveWrite.lock();
    try {
      searchers.maybeRefreshBlocking();
      IndexSearcher snapshot = searchers.acquire();
      try {
        for (LeafReaderContext leaf : snapshot.getIndexReader().leaves()) {
          LeafReader reader = leaf.reader();
          Bits live = reader.getLiveDocs();
          StoredFields stored = reader.storedFields();
          SortedDocValues ids = DocValues.getSorted(reader, TRACK_ID);
          for (int doc = 0; doc < reader.maxDoc(); doc++) {
            if (live != null && !live.get(doc)) {
              continue;
            }
            if (!ids.advanceExact(doc)) {
              throw new IllegalStateException("document " + doc + " has no track id");
            }
            String trackId = ids.lookupOrd(ids.ordValue()).utf8ToString();
            Fingerprint fp = storedFingerprint(stored, doc);
            writer.updateDocument(new Term(TRACK_ID, trackId), document(trackId, fp));
          }
        }
      } finally {
        searchers.release(snapshot);
      }
      setLayoutAndCommit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      exclusiveWrite.unlock();
    }
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments and commits: fewer segments,
   * fewer term seeks per lookup. Costs a rewrite of the index; for after a bulk load.
   */
  public void forceMerge(int maxSegments) {
    exclusiveWrite.lock();
    try {
      writer.forceMerge(maxSegments);
      commitAndRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      exclusiveWrite.unlock();
    }
  }

  /** Number of segments in the current snapshot (each costs one term seek per probed hash). */
  public int segmentCount() {
    return withSearcher(s -> s.getIndexReader().leaves().size());
  }

  @Override
  public void close() {
    exclusiveWrite.lock();
    try {
      searchers.close();
      writer.close(); // commits what was staged
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      exclusiveWrite.unlock();
    }
  }

  private void commitAndRefresh() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private void setLayoutAndCommit() throws IOException {
    writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT_VERSION).entrySet());
    writer.commit();
  }

  private interface SearcherFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherFunction<T> f) {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return f.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Fingerprint storedFingerprint(StoredFields stored, int doc) throws IOException {
    BytesRef blob = stored.document(doc, Set.of(FINGERPRINT)).getBinaryValue(FINGERPRINT);
    return FingerprintCodec.decode(blob.bytes, blob.offset, blob.length);
  }

  static Document document(String trackId, Fingerprint fp) {
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

  private static FieldType hashesFieldType() {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.setTokenized(true);
    t.setOmitNorms(true);
    t.setStored(false);
    t.freeze();
    return t;
  }

  static int position(int anchorFrame, int anchorPitch) {
    return anchorFrame << PITCH_BITS | anchorPitch;
  }

  static BytesRef term(int hash) {
    return new BytesRef(new byte[] {
        (byte) (hash >>> 24), (byte) (hash >>> 16), (byte) (hash >>> 8), (byte) hash});
  }

  /**
   * The hashes of one fingerprint as tokens in ascending position order (Lucene requires
   * positions never to decrease within a field; the fingerprint is in anchor-frame order but its
   * pitches within one frame are not sorted).
   */
  private static final class HashTokens extends TokenStream {
    private final BytesTermAttribute termAttr = addAttribute(BytesTermAttribute.class);
    private final PositionIncrementAttribute posIncAttr =
        addAttribute(PositionIncrementAttribute.class);
    // One term buffer for all tokens: the indexing chain copies a term's bytes as it reads them.
    private final BytesRef term = new BytesRef(new byte[4]);
    private final int[] hashes;
    private final long[] order; // position << 32 | index, sorted
    private int next;
    private int lastPosition;

    HashTokens(Fingerprint fp) {
      hashes = fp.hashes();
      int[] frames = fp.anchorFrames();
      int[] pitches = fp.anchorPitches();
      order = new long[hashes.length];
      for (int i = 0; i < hashes.length; i++) {
        if (frames[i] < 0 || frames[i] > MAX_ANCHOR_FRAME) {
          throw new IllegalArgumentException("anchor frame " + frames[i]
              + " outside the index layout's range 0.." + MAX_ANCHOR_FRAME);
        }
        if (pitches[i] < 0 || pitches[i] > MAX_ANCHOR_PITCH) {
          throw new IllegalArgumentException("anchor pitch " + pitches[i]
              + " outside the index layout's range 0.." + MAX_ANCHOR_PITCH);
        }
        order[i] = (long) position(frames[i], pitches[i]) << 32 | i;
      }
      Arrays.sort(order);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
      lastPosition = -1;
    }

    @Override
    public boolean incrementToken() {
      if (next == order.length) {
        return false;
      }
      clearAttributes();
      long o = order[next++];
      int position = (int) (o >>> 32);
      int hash = hashes[(int) o];
      byte[] b = term.bytes;
      b[0] = (byte) (hash >>> 24);
      b[1] = (byte) (hash >>> 16);
      b[2] = (byte) (hash >>> 8);
      b[3] = (byte) hash;
      termAttr.setBytesRef(term);
      // The first token's increment is from position −1; equal positions give increment 0.
      posIncAttr.setPositionIncrement(position - lastPosition);
      lastPosition = position;
      return true;
    }
  }

  /**
   * The postings of one point-in-time snapshot. One instance per match call: it keeps per-segment
   * enumerators, which are not thread-safe, for reuse across the query's lookups.
   */
  private static final class SnapshotPostings implements PostingSource {
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
        Terms terms = leaf.terms(HASHES);
        termsEnums[i] = terms == null ? null : terms.iterator();
        liveDocs[i] = leaf.getLiveDocs();
      }
    }

    @Override
    public long postingCount(int hash) {
      BytesRef term = term(hash);
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
      BytesRef term = term(hash);
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
          Bits live = liveDocs[i];
          int docBase = leaves.get(i).docBase;
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
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public int trackNumberBound() {
      return maxDoc;
    }

    @Override
    public Fingerprint fingerprint(int trackNumber) {
      int i = ReaderUtil.subIndex(trackNumber, leaves);
      LeafReaderContext leaf = leaves.get(i);
      try {
        return storedFingerprint(leaf.reader().storedFields(), trackNumber - leaf.docBase);
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
          ids = DocValues.getSorted(leaf.reader(), TRACK_ID);
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

  private static final TermState[] NO_STATES = new TermState[0];

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException | RuntimeException ignored) {
        // already failing; the first exception is the one to report
      }
    }
  }
}
