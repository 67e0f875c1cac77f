package com.audiostems.activities.catalogue;

import static com.audiostems.activities.catalogue.CatalogueDocument.LAYOUT_KEY;
import static com.audiostems.activities.catalogue.CatalogueDocument.LAYOUT_VERSION;
import static com.audiostems.activities.catalogue.CatalogueDocument.TRACK_ID;

import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintMatcher;
import com.audiostems.dsp.fingerprint.LookupLimits;
import com.audiostems.dsp.fingerprint.Match;
import com.audiostems.dsp.fingerprint.PostingSource;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The fingerprint catalogue on disk: an inverted index hash → (track, anchor frame, anchor pitch)
 * in Apache Lucene, one document per track ({@link CatalogueDocument}), looked up by {@link
 * FingerprintMatcher} exactly as the in-memory {@link
 * com.audiostems.dsp.fingerprint.FingerprintIndex} is. Data model, reading, durability and the
 * OpenSearch mapping: docs/fingerprint-catalogue.md.
 *
 * <p>{@link #put} and {@link #remove} commit before they return; bulk loads {@link #stage} and then
 * {@link #flush}. Lookups read a point-in-time snapshot and never wait for writers. Thread-safe.
 */
public final class LuceneFingerprintCatalogue implements Closeable {

  /** Largest anchor frame the position layout can hold. */
  public static final int MAX_ANCHOR_FRAME =
      (IndexWriter.MAX_POSITION >> CatalogueDocument.PITCH_BITS) - 1;

  /** Largest anchor pitch (1/32 semitone above the reference) the position layout can hold. */
  public static final int MAX_ANCHOR_PITCH = CatalogueDocument.PITCH_MASK;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  // put/stage take the shared side (IndexWriter updates are atomic per document and may run in
  // parallel); remove, reindexAll, flush, forceMerge and close take the exclusive side, because
  // they
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
      IndexWriterConfig config =
          new IndexWriterConfig()
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setRAMBufferSizeMB(ramBufferMb)
              // Postings and blobs of big segments are read in bulk; compound files only save
              // handles.
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

  /** Adds or replaces a track; durable and visible to lookups on return. */
  public void put(String trackId, Fingerprint fp) {
    Document doc = CatalogueDocument.of(trackId, fp);
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
   * Adds or replaces a track in the write buffer only: neither durable nor visible to lookups until
   * the next {@link #flush()} (or {@link #put}/{@link #remove}, which commit everything staged
   * before them). For bulk loading, where a commit per track would dominate.
   */
  public void stage(String trackId, Fingerprint fp) {
    Document doc = CatalogueDocument.of(trackId, fp);
    sharedWrite.lock();
    try {
      writer.updateDocument(new Term(TRACK_ID, trackId), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      sharedWrite.unlock();
    }
  }

  /** Commits everything staged and makes it visible to lookups. */
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
    return withSearcher(
        s -> {
          TopDocs top = s.search(new TermQuery(new Term(TRACK_ID, trackId)), 1);
          if (top.scoreDocs.length == 0) {
            return Optional.empty();
          }
          return Optional.of(
              CatalogueDocument.storedFingerprint(s.storedFields(), top.scoreDocs[0].doc));
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
   * layout, or to recover from a lost posting field), then commits with the current layout version.
   * Lookups keep seeing the old postings until the commit. To re-index one track from a new
   * fingerprint, {@link #put} it.
   */
  public void reindexAll() {
    exclusiveWrite.lock();
    try {
      searchers.maybeRefreshBlocking();
      IndexSearcher snapshot = searchers.acquire();
      try {
        CatalogueDocument.forEachStored(
            snapshot.getIndexReader(),
            (trackId, fp) ->
                writer.updateDocument(
                    new Term(TRACK_ID, trackId), CatalogueDocument.of(trackId, fp)));
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
