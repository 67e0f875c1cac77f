package com.audiostems.activities.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.audiostems.dsp.fingerprint.CountingPostingSource;
import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintCodec;
import com.audiostems.dsp.fingerprint.FingerprintIndex;
import com.audiostems.dsp.fingerprint.FingerprintMatcher;
import com.audiostems.dsp.fingerprint.Fingerprinter;
import com.audiostems.dsp.fingerprint.LookupLimits;
import com.audiostems.dsp.fingerprint.Match;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneFingerprintCatalogueTest {

  private static final int TRACKS = 6;
  private static final double TRACK_SECONDS = 30;
  private static final Fingerprinter FINGERPRINTER = new Fingerprinter();

  /** Every candidate within the production posting budget. */
  private static final LookupLimits DEFAULT_BUDGET =
      LookupLimits.allCandidates(FingerprintMatcher.DEFAULT_POSTING_BUDGET);

  private static float[][] audio;
  private static Fingerprint[] fingerprints;

  @TempDir Path dir;

  @BeforeAll
  static void synthesise() {
    audio = new float[TRACKS + 1][];
    fingerprints = new Fingerprint[TRACKS + 1];
    // Tracks 0..TRACKS-1 go into catalogues; track TRACKS is never indexed (negative queries).
    for (int i = 0; i <= TRACKS; i++) {
      audio[i] = SynthesisedTracks.render(100 + i, TRACK_SECONDS);
      fingerprints[i] = fingerprint(audio[i]);
    }
  }

  private static Fingerprint fingerprint(float[] x) {
    return FINGERPRINTER.fingerprint(x, SynthesisedTracks.RATE_HZ);
  }

  private static String id(int i) {
    return "track-" + i;
  }

  private static Fingerprint excerptQuery(int track, double start) {
    return fingerprint(SynthesisedTracks.excerpt(audio[track], start, 10));
  }

  /** The production lookup's answer: its first candidate, if one reaches the decision threshold. */
  private static Optional<Match> identify(LuceneFingerprintCatalogue c, Fingerprint q) {
    return c.lookup(q, LookupLimits.production()).stream().findFirst();
  }

  private static void putAll(LuceneFingerprintCatalogue c) {
    for (int i = 0; i < TRACKS; i++) {
      c.put(id(i), fingerprints[i]);
    }
  }

  @Test
  void findsExcerptsForgetsRemovedAndReplacesTracks() {
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      putAll(c);
      assertThat(c.trackCount()).isEqualTo(TRACKS);
      assertThat(c.contains(id(2))).isTrue();
      assertThat(c.contains("nobody")).isFalse();

      Fingerprint q = excerptQuery(2, 12);
      Match m = identify(c, q).orElseThrow();
      assertThat(m.trackId()).isEqualTo(id(2));
      assertThat(m.score()).isGreaterThanOrEqualTo(FingerprintMatcher.DECISION_MIN_SCORE);
      assertThat(m.referenceStartSeconds() - m.queryStartSeconds()).isCloseTo(12.0, within(0.1));
      assertThat(m.speedRatio()).isCloseTo(1.0, within(0.01));
      assertThat(identify(c, fingerprint(SynthesisedTracks.excerpt(audio[TRACKS], 5, 10))))
          .isEmpty();

      assertThat(c.remove(id(2))).isTrue();
      assertThat(c.remove(id(2))).isFalse();
      assertThat(c.contains(id(2))).isFalse();
      assertThat(c.trackCount()).isEqualTo(TRACKS - 1);
      assertThat(c.lookup(q, DEFAULT_BUDGET)).noneMatch(x -> x.trackId().equals(id(2)));
      assertThat(c.fingerprintOf(id(2))).isEmpty();

      // Re-index track 0 from another recording: old audio no longer finds it, new audio does.
      Fingerprint oldQuery = excerptQuery(0, 3);
      assertThat(identify(c, oldQuery).map(Match::trackId)).contains(id(0));
      c.put(id(0), fingerprints[TRACKS]);
      assertThat(c.trackCount()).isEqualTo(TRACKS - 1);
      assertThat(c.fingerprintOf(id(0))).contains(fingerprints[TRACKS]);
      assertThat(c.lookup(oldQuery, DEFAULT_BUDGET)).noneMatch(x -> x.trackId().equals(id(0)));
      assertThat(identify(c, excerptQuery(TRACKS, 5)).map(Match::trackId)).contains(id(0));
    }
  }

  @Test
  void findsSpedUpExcerpt() {
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      putAll(c);
      float[] x = SynthesisedTracks.speedUp(SynthesisedTracks.excerpt(audio[4], 8, 11), 1.04);
      Match m = identify(c, fingerprint(x)).orElseThrow();
      assertThat(m.trackId()).isEqualTo(id(4));
      assertThat(m.speedRatio()).isCloseTo(1.04, within(0.01));
    }
  }

  @Test
  void survivesCloseAndReopen() {
    Fingerprint q = excerptQuery(3, 15);
    List<Match> before;
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      putAll(c);
      c.remove(id(5));
      before = c.lookup(q, DEFAULT_BUDGET);
    }
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      assertThat(c.trackCount()).isEqualTo(TRACKS - 1);
      assertThat(c.contains(id(5))).isFalse();
      for (int i = 0; i < TRACKS - 1; i++) {
        assertThat(c.fingerprintOf(id(i))).contains(fingerprints[i]);
      }
      assertThat(c.lookup(q, DEFAULT_BUDGET)).isEqualTo(before);
      assertThat(before.get(0).trackId()).isEqualTo(id(3));
    }
  }

  @Test
  void stagedTracksBecomeVisibleAtFlushAndDurableAtClose() {
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      c.stage(id(1), fingerprints[1]);
      assertThat(c.contains(id(1))).isFalse();
      c.flush();
      assertThat(c.contains(id(1))).isTrue();
      c.stage(id(2), fingerprints[2]);
    }
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      assertThat(c.trackCount()).isEqualTo(2);
      assertThat(identify(c, excerptQuery(2, 1)).map(Match::trackId)).contains(id(2));
    }
  }

  @Test
  void reindexAllKeepsEveryTrackAndResult() {
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      putAll(c);
      List<Fingerprint> queries = new ArrayList<>();
      for (int i = 0; i < TRACKS; i++) {
        queries.add(excerptQuery(i, 2 + 3 * i));
      }
      List<List<Match>> before =
          queries.stream().map(q -> byScoreThenId(c.lookup(q, DEFAULT_BUDGET))).toList();
      c.reindexAll();
      assertThat(c.trackCount()).isEqualTo(TRACKS);
      List<List<Match>> after =
          queries.stream().map(q -> byScoreThenId(c.lookup(q, DEFAULT_BUDGET))).toList();
      assertThat(after).isEqualTo(before);
      for (int i = 0; i < TRACKS; i++) {
        assertThat(after.get(i).get(0).trackId()).isEqualTo(id(i));
      }
    }
  }

  /**
   * An index written under an older layout — here: stored fingerprints but no postings at all — is
   * rebuilt from the stored fingerprints when opened.
   */
  @Test
  void indexOfAnotherLayoutIsReindexedOnOpen() throws Exception {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (int i = 0; i < TRACKS; i++) {
        Document doc = new Document();
        doc.add(new StringField(CatalogueDocument.TRACK_ID, id(i), Field.Store.NO));
        doc.add(new SortedDocValuesField(CatalogueDocument.TRACK_ID, new BytesRef(id(i))));
        doc.add(
            new StoredField(
                CatalogueDocument.FINGERPRINT, FingerprintCodec.encode(fingerprints[i])));
        w.addDocument(doc);
      }
      w.setLiveCommitData(Map.of(CatalogueDocument.LAYOUT_KEY, "0").entrySet());
      w.commit();
    }
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      assertThat(c.trackCount()).isEqualTo(TRACKS);
      for (int i = 0; i < TRACKS; i++) {
        assertThat(identify(c, excerptQuery(i, 10)).map(Match::trackId)).contains(id(i));
      }
    }
  }

  @Test
  void matchesAgreeWithTheInMemoryIndex() {
    FingerprintIndex memory = new FingerprintIndex();
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      for (int i = 0; i < TRACKS; i++) {
        memory.add(id(i), fingerprints[i]);
        c.stage(id(i), fingerprints[i]);
      }
      c.flush();
      List<Fingerprint> queries = new ArrayList<>();
      for (int i = 0; i <= TRACKS; i++) {
        float[] x = SynthesisedTracks.excerpt(audio[i], 1 + 2.5 * i, 10);
        queries.add(fingerprint(x));
        queries.add(fingerprint(SynthesisedTracks.withNoise(x, 10, i)));
        queries.add(fingerprint(SynthesisedTracks.speedUp(x, 0.96)));
      }
      int nonEmpty = 0;
      for (Fingerprint q : queries) {
        List<Match> expected = byScoreThenId(memory.match(q));
        assertThat(byScoreThenId(c.lookup(q, DEFAULT_BUDGET))).isEqualTo(expected);
        assertThat(identify(c, q))
            .isEqualTo(
                expected.stream()
                    .findFirst()
                    .filter(m -> m.score() >= FingerprintMatcher.DECISION_MIN_SCORE));
        // The production lookup: the same, from the decision threshold up.
        assertThat(c.lookup(q, LookupLimits.production()))
            .isEqualTo(
                expected.stream()
                    .filter(m -> m.score() >= FingerprintMatcher.DECISION_MIN_SCORE)
                    .toList());
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
      assertThat(nonEmpty).isGreaterThan(queries.size() / 2);
    }
  }

  /**
   * Within a posting budget the catalogue answers exactly as the in-memory index does under the
   * same budget (both know their posting counts and hand out whole fingerprints), visits no more
   * postings than the budget, and verifies its best candidates to their exact scores; without a
   * budget under the query's cost, the answer is the exact one.
   */
  @Test
  void aPostingBudgetSkipsTheCommonestHashesAsTheInMemoryIndexDoes() {
    FingerprintIndex memory = new FingerprintIndex();
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      for (int i = 0; i < TRACKS; i++) {
        memory.add(id(i), fingerprints[i]);
        c.stage(id(i), fingerprints[i]);
      }
      c.flush();
      for (int i = 0; i < TRACKS; i++) {
        Fingerprint q = excerptQuery(i, 4 + 2 * i);
        long[] visited = new long[1];
        List<Match> exact =
            byScoreThenId(
                FingerprintMatcher.match(
                    q, CountingPostingSource.of(memory, visited, true), LookupLimits.exact()));
        long exactPostings = visited[0];
        assertThat(byScoreThenId(c.lookup(q, LookupLimits.exact()))).isEqualTo(exact);
        assertThat(byScoreThenId(c.lookup(q, LookupLimits.allCandidates(exactPostings))))
            .isEqualTo(exact);
        assertThat(byScoreThenId(c.lookup(q, DEFAULT_BUDGET)))
            .isEqualTo(exact); // the default budget is not reached

        long budget = exactPostings / 3;
        visited[0] = 0;
        List<Match> budgeted =
            byScoreThenId(
                FingerprintMatcher.match(
                    q,
                    CountingPostingSource.of(memory, visited, true),
                    LookupLimits.allCandidates(budget)));
        assertThat(visited[0]).isLessThanOrEqualTo(budget).isPositive();
        assertThat(byScoreThenId(c.lookup(q, LookupLimits.allCandidates(budget))))
            .isEqualTo(budgeted);
        assertThat(
                c
                    .lookup(
                        q,
                        LookupLimits.allCandidates(budget)
                            .withMinScore(FingerprintMatcher.DECISION_MIN_SCORE))
                    .stream()
                    .findFirst())
            .contains(exact.get(0)); // verified: the exact score
        assertThat(exact).containsAll(budgeted);
      }
      assertThat(c.lookup(excerptQuery(0, 1), LookupLimits.allCandidates(0))).isEmpty();
    }
  }

  @Test
  void concurrentMatchesSeeConsistentSnapshotsWhileTracksComeAndGo() throws Exception {
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      for (int i = 0; i < 3; i++) {
        c.put(id(i), fingerprints[i]);
      }
      Fingerprint[] queries = {excerptQuery(0, 4), excerptQuery(1, 9), excerptQuery(2, 14)};
      Fingerprint churnQuery = excerptQuery(4, 6);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger matches = new AtomicInteger();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t;
        readers.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        for (int k = offset; writing.get() || k < 10; k++) {
                          int track = k % queries.length;
                          Optional<Match> m = identify(c, queries[track]);
                          if (m.isEmpty() || !m.get().trackId().equals(id(track))) {
                            throw new AssertionError("query of " + id(track) + " found " + m);
                          }
                          // The churning track is either wholly there or absent: never a partial
                          // posting set.
                          List<Match> churn = c.lookup(churnQuery, DEFAULT_BUDGET);
                          if (!churn.isEmpty()
                              && churn.get(0).trackId().equals("churn")
                              && churn.get(0).score() < FingerprintMatcher.DECISION_MIN_SCORE) {
                            throw new AssertionError("partial churn track: " + churn.get(0));
                          }
                          matches.incrementAndGet();
                        }
                      } catch (Throwable e) {
                        failures.add(e);
                      }
                    }));
      }
      for (int round = 0; round < 15; round++) {
        c.put("churn", fingerprints[4]);
        c.put(id(3 + round % 2), fingerprints[3 + round % 2]);
        assertThat(c.remove("churn")).isTrue();
        c.remove(id(3 + round % 2));
      }
      writing.set(false);
      for (Thread t : readers) {
        t.join();
      }
      assertThat(failures).isEmpty();
      assertThat(matches.get()).isGreaterThanOrEqualTo(20);
      assertThat(c.trackCount()).isEqualTo(3);
    }
  }

  @Test
  void refusesAnchorsOutsideTheLayoutAndKeepsTheCatalogueUnchanged() {
    Fingerprint badPitch =
        new Fingerprint(
            new int[] {1},
            new int[] {0},
            new int[] {LuceneFingerprintCatalogue.MAX_ANCHOR_PITCH + 1},
            new byte[1],
            62.5,
            1);
    Fingerprint badFrame =
        new Fingerprint(new int[] {1}, new int[] {-1}, new int[] {0}, new byte[1], 62.5, 1);
    try (LuceneFingerprintCatalogue c = LuceneFingerprintCatalogue.open(dir)) {
      c.put(id(0), fingerprints[0]);
      assertThatThrownBy(() -> c.put(id(0), badPitch))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("anchor pitch");
      assertThatThrownBy(() -> c.put(id(1), badFrame))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("anchor frame");
      assertThat(c.trackCount()).isEqualTo(1);
      assertThat(c.fingerprintOf(id(0))).contains(fingerprints[0]);
    }
  }

  private static List<Match> byScoreThenId(List<Match> ms) {
    List<Match> sorted = new ArrayList<>(ms);
    sorted.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::trackId));
    return sorted;
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
