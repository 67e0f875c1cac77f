package com.audiostems.activities.bench;

import com.audiostems.activities.catalogue.LuceneFingerprintCatalogue;
import com.audiostems.activities.catalogue.SynthesisedTracks;
import com.audiostems.dsp.fingerprint.Fingerprint;
import com.audiostems.dsp.fingerprint.FingerprintIndex;
import com.audiostems.dsp.fingerprint.FingerprintMatcher;
import com.audiostems.dsp.fingerprint.Fingerprinter;
import com.audiostems.dsp.fingerprint.LookupLimits;
import com.audiostems.dsp.fingerprint.Match;
import com.audiostems.dsp.fingerprint.PostingSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The persistent fingerprint index at catalogue scale (not a test): builds a {@link
 * LuceneFingerprintCatalogue} of {@code tracks} tracks on disk, then times 10 s lookups.
 *
 * <h2>What goes in</h2>
 *
 * <ul>
 *   <li>{@code real} real fingerprints: synthesised pieces of {@code realSeconds}, fingerprinted by
 *       the {@link Fingerprinter}; one 10 s excerpt of each (random start) is a query that should
 *       find it, and the same excerpt with white noise at {@code noiseDb} SNR (or none) a second,
 *       harder one.
 *   <li>Filler tracks of {@code fillerSeconds} up to {@code tracks} in all. Fingerprinting 100,000
 *       synthesised pieces would take many hours, so fillers are made from a pool of {@code
 *       poolPieces} other synthesised pieces of {@code poolSeconds}, fingerprinted once, by one of
 *       these {@code fillerModel}s:
 *       <ul>
 *         <li>{@code transposed} (default): a filler is a sequence of {@code segmentSeconds} runs
 *             cut from random pool pieces at random starts, each transposed by its own random whole
 *             number of semitones in −6..+6 (see {@link #transposedFiller}): every filler hash is
 *             one that music in some key really yields, with the correlations between fields and
 *             between neighbouring anchors kept, and the pool × 13 keys × starts make fillers that
 *             rarely repeat one another.
 *         <li>{@code real}: every filler is its own synthesised piece, rendered and fingerprinted
 *             (the ground truth the models are checked against; affordable for a few thousand
 *             tracks of 60 s).
 *         <li>{@code pool}: anchor groups (all triplets of one anchor peak) drawn at random from
 *             the pool. Every filler hash is then one of the pool's, so at 100,000 tracks each pool
 *             hash is held by thousands of fillers while the query track's own rare hashes are held
 *             by nobody: that flatters any skipping of common hashes.
 *         <li>{@code fields}: the pool's anchor pitch field with the other fields drawn
 *             independently from their pool distributions (no correlation between fields, a long
 *             tail of rare hashes).
 *       </ul>
 *       Deterministic in {@code seed}.
 *   <li>{@code negatives} 10 s queries of pieces that are not in the catalogue (false accepts).
 * </ul>
 *
 * After the timings, up to {@code diagnosticQueries} queries are replayed to say where the time
 * goes: how many lookups and postings a query costs (stage 1 of a budgeted lookup), and how long
 * Lucene takes to walk those postings with a visitor that does nothing. {@code inMemory=true} also
 * loads the in-memory {@code FingerprintIndex} (only for sizes that fit the heap) and times the
 * same queries on it.
 *
 * <p>{@code budget} is a comma-separated list of lookup modes timed on the same index, each with
 * the production call {@link LuceneFingerprintCatalogue#lookup(Fingerprint, LookupLimits)} with the
 * decision threshold as minimum score: {@code default} ({@link LookupLimits#production()}), {@code
 * exact} (every hash) or a number of postings. {@code loaders} threads stage the tracks.
 *
 * <p>{@code hashesPerSecond} defaults to the density the Fingerprinter gives on the pool, so a
 * denser Fingerprinter is benchmarked by rerunning; give it explicitly to model another density.
 *
 * <p>Usage: {@code bench/fingerprint-index.sh [key=value ...]}, keys and defaults in {@link
 * #DEFAULTS}.
 */
public final class FingerprintIndexBenchmark {

  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("tracks", "100000");
    DEFAULTS.put("real", "300");
    DEFAULTS.put("realSeconds", "60");
    DEFAULTS.put("fillerSeconds", "180");
    DEFAULTS.put("hashesPerSecond", "measured");
    DEFAULTS.put("poolPieces", "300");
    DEFAULTS.put("poolSeconds", "30");
    DEFAULTS.put("fillerModel", "transposed");
    DEFAULTS.put("segmentSeconds", "10");
    DEFAULTS.put("noiseDb", "10");
    DEFAULTS.put("querySeconds", "10");
    DEFAULTS.put("negatives", "30");
    DEFAULTS.put("ramBufferMb", "512");
    DEFAULTS.put("segments", "1");
    DEFAULTS.put("timedQueries", "all");
    DEFAULTS.put("inMemory", "false");
    DEFAULTS.put("budget", "default");
    DEFAULTS.put("loaders", "2");
    DEFAULTS.put("dir", "/tmp/fingerprint-index-bench");
    DEFAULTS.put("keep", "false");
    DEFAULTS.put("reuse", "false");
    DEFAULTS.put("diagnosticQueries", "20");
    DEFAULTS.put("seed", "1");
  }

  private FingerprintIndexBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>(DEFAULTS);
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 0 || !DEFAULTS.containsKey(a.substring(0, eq))) {
        throw new IllegalArgumentException(
            "unknown argument " + a + "; keys: " + DEFAULTS.keySet());
      }
      opt.put(a.substring(0, eq), a.substring(eq + 1));
    }
    int tracks = Integer.parseInt(opt.get("tracks"));
    int real = Integer.parseInt(opt.get("real"));
    double realSeconds = Double.parseDouble(opt.get("realSeconds"));
    double fillerSeconds = Double.parseDouble(opt.get("fillerSeconds"));
    int poolPieces = Integer.parseInt(opt.get("poolPieces"));
    double poolSeconds = Double.parseDouble(opt.get("poolSeconds"));
    double segmentSeconds = Double.parseDouble(opt.get("segmentSeconds"));
    double querySeconds = Double.parseDouble(opt.get("querySeconds"));
    int negatives = Integer.parseInt(opt.get("negatives"));
    long seed = Long.parseLong(opt.get("seed"));
    Path dir = Path.of(opt.get("dir"));
    System.out.printf(
        Locale.ROOT,
        "Options: %s%nJVM %s, %d cores available, max heap %d MB%n",
        opt,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    // 1. The pool of anchor groups, and the Fingerprinter's speed and density on it.
    Fingerprinter fingerprinter = new Fingerprinter();
    List<int[][]> groups = new ArrayList<>(); // {hashes, pitches}, one per anchor
    List<Fingerprint> poolPrints = new ArrayList<>();
    long poolHashes = 0;
    double poolAudio = 0;
    double fingerprintSeconds = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < poolPieces; i++) {
      float[] x = SynthesisedTracks.render(1_000_000L + i, poolSeconds);
      long f0 = System.nanoTime();
      Fingerprint fp = fingerprinter.fingerprint(x, SynthesisedTracks.RATE_HZ);
      fingerprintSeconds += (System.nanoTime() - f0) / 1e9;
      poolPrints.add(fp);
      poolAudio += fp.durationSeconds();
      poolHashes += fp.size();
      addAnchorGroups(fp, groups);
    }
    String fillerModel = opt.get("fillerModel");
    if (!List.of("fields", "pool", "transposed", "real").contains(fillerModel)) {
      throw new IllegalArgumentException("fillerModel is transposed, real, pool or fields");
    }
    List<int[][]> fillerGroups =
        fillerModel.equals("fields") ? independentFieldGroups(groups, seed) : groups;
    double measuredDensity = poolHashes / poolAudio;
    double hashesPerSecond =
        opt.get("hashesPerSecond").equals("measured")
            ? measuredDensity
            : Double.parseDouble(opt.get("hashesPerSecond"));
    System.out.printf(
        Locale.ROOT,
        "Pool: %d pieces, %.0f s of audio, %d hashes = %.1f hashes/s, %d anchor groups"
            + " (%.1f s incl. rendering)%n",
        poolPieces,
        poolAudio,
        poolHashes,
        measuredDensity,
        groups.size(),
        (System.nanoTime() - t0) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "Fingerprinting speed: %.0f× real time (one thread, %d Hz mono input, includes JIT"
            + " warm-up)%n",
        poolAudio / fingerprintSeconds,
        SynthesisedTracks.RATE_HZ);
    System.out.printf(Locale.ROOT, "Filler density: %.1f hashes/s%n", hashesPerSecond);

    // 2. Real tracks and their queries; negatives.
    t0 = System.nanoTime();
    SplittableRandom rng = new SplittableRandom(seed);
    Fingerprint[] realPrints = new Fingerprint[real];
    Fingerprint[] queries = new Fingerprint[real];
    Fingerprint[] noisyQueries = new Fingerprint[real];
    boolean noisy = !opt.get("noiseDb").equals("none");
    double[] queryStarts = new double[real];
    boolean reuse = Boolean.parseBoolean(opt.get("reuse")) && Files.isDirectory(dir);
    int timedReal =
        opt.get("timedQueries").equals("all")
            ? real
            : Math.min(real, Integer.parseInt(opt.get("timedQueries")));
    // Reusing a built index, only the queried tracks are needed (the starts do not change: one
    // random draw per track, in track order).
    int rendered = reuse ? timedReal : real;
    for (int i = 0; i < rendered; i++) {
      float[] x = SynthesisedTracks.render(1 + i, realSeconds);
      realPrints[i] = fingerprinter.fingerprint(x, SynthesisedTracks.RATE_HZ);
      queryStarts[i] = rng.nextDouble() * (realSeconds - querySeconds);
      float[] excerpt = SynthesisedTracks.excerpt(x, queryStarts[i], querySeconds);
      queries[i] = fingerprinter.fingerprint(excerpt, SynthesisedTracks.RATE_HZ);
      if (noisy) {
        noisyQueries[i] =
            fingerprinter.fingerprint(
                SynthesisedTracks.withNoise(
                    excerpt, Double.parseDouble(opt.get("noiseDb")), seed + i),
                SynthesisedTracks.RATE_HZ);
      }
    }
    Fingerprint[] negativeQueries = new Fingerprint[negatives];
    for (int i = 0; i < negatives; i++) {
      float[] x = SynthesisedTracks.render(2_000_000L + i, querySeconds);
      negativeQueries[i] = fingerprinter.fingerprint(x, SynthesisedTracks.RATE_HZ);
    }
    System.out.printf(
        Locale.ROOT,
        "Real tracks: %d × %.0f s rendered and fingerprinted in %.1f s%n",
        rendered,
        realSeconds,
        (System.nanoTime() - t0) / 1e9);

    // 3. Build, or reuse an index that an earlier run kept (keep=true or interrupted).
    if (reuse) {
      LuceneFingerprintCatalogue catalogue = LuceneFingerprintCatalogue.open(dir);
      try {
        if (catalogue.trackCount() != tracks) {
          throw new IllegalStateException(
              "index in " + dir + " holds " + catalogue.trackCount() + " tracks, not " + tracks);
        }
        System.out.printf(
            Locale.ROOT,
            "Reusing the index in %s: %,d tracks, %d segment(s)," + " %.2f GB%n",
            dir,
            catalogue.trackCount(),
            catalogue.segmentCount(),
            sizeOnDisk(dir) / 1e9);
        lookups(
            catalogue,
            opt,
            null,
            timedReal,
            queries,
            noisy ? noisyQueries : null,
            queryStarts,
            negativeQueries);
      } finally {
        catalogue.close();
        if (!Boolean.parseBoolean(opt.get("keep"))) {
          deleteRecursively(dir);
        }
      }
      return;
    }
    deleteRecursively(dir);
    long postings = 0;
    FingerprintIndex memory =
        Boolean.parseBoolean(opt.get("inMemory")) ? new FingerprintIndex() : null;
    t0 = System.nanoTime();
    LuceneFingerprintCatalogue catalogue =
        LuceneFingerprintCatalogue.open(dir, Double.parseDouble(opt.get("ramBufferMb")));
    try {
      int every = real == 0 ? Integer.MAX_VALUE : Math.max(1, tracks / real);
      // Which tracks are real is fixed up front, so that loader threads need not agree on it.
      int[] realAt = new int[tracks];
      Arrays.fill(realAt, -1);
      for (int t = 0, nextReal = 0; t < tracks; t++) {
        if (nextReal < real && (t % every == 0 || tracks - t <= real - nextReal)) {
          realAt[t] = nextReal++;
        }
      }
      int loaders = memory == null ? Integer.parseInt(opt.get("loaders")) : 1;
      AtomicLong postingCount = new AtomicLong();
      AtomicInteger loaded = new AtomicInteger();
      long loadStart = t0;
      List<Thread> threads = new ArrayList<>();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      for (int l = 0; l < loaders; l++) {
        int first = l;
        Runnable load =
            () -> {
              try {
                for (int t = first; t < tracks; t += loaders) {
                  Fingerprint fp;
                  String id;
                  if (realAt[t] >= 0) {
                    fp = realPrints[realAt[t]];
                    id = realId(realAt[t]);
                  } else {
                    long fillerSeed = seed * 1_000_003L + t;
                    fp =
                        switch (fillerModel) {
                          case "real" ->
                              fingerprinter.fingerprint(
                                  SynthesisedTracks.render(3_000_000L + t, fillerSeconds),
                                  SynthesisedTracks.RATE_HZ);
                          case "transposed" ->
                              transposedFiller(
                                  poolPrints,
                                  hashesPerSecond,
                                  fillerSeconds,
                                  segmentSeconds,
                                  fillerSeed);
                          default ->
                              filler(fillerGroups, hashesPerSecond, fillerSeconds, fillerSeed);
                        };
                    id = String.format(Locale.ROOT, "filler-%07d", t);
                  }
                  catalogue.stage(id, fp);
                  if (memory != null) {
                    memory.add(id, fp);
                  }
                  long p = postingCount.addAndGet(fp.size());
                  int done = loaded.incrementAndGet();
                  if (done % 10_000 == 0) {
                    System.out.printf(
                        Locale.ROOT,
                        "  %,d tracks, %,d postings, %.0f s, %.1f GB on disk%n",
                        done,
                        p,
                        (System.nanoTime() - loadStart) / 1e9,
                        sizeOnDisk(dir) / 1e9);
                  }
                }
              } catch (Throwable e) {
                failures.add(e);
              }
            };
        threads.add(Thread.ofPlatform().start(load));
      }
      for (Thread th : threads) {
        th.join();
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("loading failed", failures.peek());
      }
      postings = postingCount.get();
      catalogue.flush();
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Loaded %,d tracks, %,d postings in %.0f s (%.0f tracks/s, %.2f M postings/s);"
              + " %d segments, %.2f GB%n",
          catalogue.trackCount(),
          postings,
          loadSeconds,
          tracks / loadSeconds,
          postings / loadSeconds / 1e6,
          catalogue.segmentCount(),
          sizeOnDisk(dir) / 1e9);
      long m0 = System.nanoTime();
      catalogue.forceMerge(Integer.parseInt(opt.get("segments")));
      double mergeSeconds = (System.nanoTime() - m0) / 1e9;
      long bytes = sizeOnDisk(dir);
      System.out.printf(
          Locale.ROOT,
          "Force-merged to %d segment(s) in %.0f s. Build total %.0f s. Size on disk %.2f GB"
              + " (%.1f bytes per posting, postings + stored fingerprints)%n",
          catalogue.segmentCount(),
          mergeSeconds,
          loadSeconds + mergeSeconds,
          bytes / 1e9,
          (double) bytes / postings);
      sizeByExtension(dir);

      lookups(
          catalogue,
          opt,
          memory,
          timedReal,
          queries,
          noisy ? noisyQueries : null,
          queryStarts,
          negativeQueries);
    } finally {
      catalogue.close();
      if (!Boolean.parseBoolean(opt.get("keep"))) {
        deleteRecursively(dir);
      }
    }
  }

  private static void lookups(
      LuceneFingerprintCatalogue catalogue,
      Map<String, String> opt,
      FingerprintIndex memory,
      int timed,
      Fingerprint[] queries,
      Fingerprint[] noisyQueries,
      double[] queryStarts,
      Fingerprint[] negativeQueries) {
    // 4. Lookups: a few queries to warm the JIT and the page cache, then the timed pass.
    int negatives = Math.min(negativeQueries.length, timed);
    double querySeconds = Double.parseDouble(opt.get("querySeconds"));
    String[] modes = opt.get("budget").split(",");
    long w0 = System.nanoTime();
    for (int i = 0; i < Math.min(timed, 5); i++) {
      catalogue.lookup(queries[i], limits(modes[0]));
    }
    System.out.printf(
        Locale.ROOT,
        "Warm-up: %d queries in %.1f s%n",
        Math.min(timed, 5),
        (System.nanoTime() - w0) / 1e9);
    int real = timed;
    for (String mode : modes) {
      LookupLimits limits = limits(mode);
      timeLookups(
          catalogue,
          limits,
          "clean",
          Arrays.copyOf(queries, real),
          queryStarts,
          Arrays.copyOf(negativeQueries, negatives),
          querySeconds);
      if (noisyQueries != null) {
        timeLookups(
            catalogue,
            limits,
            opt.get("noiseDb") + " dB SNR white noise",
            Arrays.copyOf(noisyQueries, real),
            queryStarts,
            Arrays.copyOf(negativeQueries, negatives),
            querySeconds);
      }
    }
    int diagnostic = Math.min(real, Integer.parseInt(opt.get("diagnosticQueries")));
    if (diagnostic > 0) {
      whereTheTimeGoes(catalogue, memory, Arrays.copyOf(queries, diagnostic), limits(modes[0]));
    }
  }

  /** The production lookup's limits with the mode's posting budget. */
  private static LookupLimits limits(String mode) {
    return switch (mode) {
      case "exact" -> LookupLimits.production().withPostingBudget(FingerprintMatcher.UNLIMITED);
      case "default" -> LookupLimits.production();
      default -> LookupLimits.production().withPostingBudget(Long.parseLong(mode));
    };
  }

  private static void timeLookups(
      LuceneFingerprintCatalogue catalogue,
      LookupLimits limits,
      String label,
      Fingerprint[] queries,
      double[] queryStarts,
      Fingerprint[] negativeQueries,
      double querySeconds) {
    int real = queries.length;
    int negatives = negativeQueries.length;
    double[] millis = new double[real + negatives];
    int found = 0;
    int foundAtRightOffset = 0;
    int wrongTrack = 0;
    long candidates = 0;
    List<Integer> topScores = new ArrayList<>();
    for (int i = 0; i < real; i++) {
      long q0 = System.nanoTime();
      List<Match> ms = catalogue.lookup(queries[i], limits);
      millis[i] = (System.nanoTime() - q0) / 1e6;
      candidates += ms.size();
      if (!ms.isEmpty() && ms.get(0).score() >= FingerprintMatcher.DECISION_MIN_SCORE) {
        Match top = ms.get(0);
        if (top.trackId().equals(realId(i))) {
          found++;
          topScores.add(top.score());
          double offset = top.referenceStartSeconds() - top.queryStartSeconds();
          if (Math.abs(offset - queryStarts[i]) < 0.1) {
            foundAtRightOffset++;
          }
        } else {
          wrongTrack++;
        }
      }
    }
    int falseAccepts = 0;
    for (int i = 0; i < negatives; i++) {
      long q0 = System.nanoTime();
      List<Match> ms = catalogue.lookup(negativeQueries[i], limits);
      millis[real + i] = (System.nanoTime() - q0) / 1e6;
      if (!ms.isEmpty() && ms.get(0).score() >= FingerprintMatcher.DECISION_MIN_SCORE) {
        falseAccepts++;
      }
    }
    double[] positive = Arrays.copyOf(millis, real);
    Arrays.sort(positive);
    double[] all = millis.clone();
    Arrays.sort(all);
    topScores.sort(null);
    System.out.printf(
        Locale.ROOT,
        "%nLookups, %s, %s (%.0f s queries, warm cache, one thread):%n"
            + "  %d positive: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms;"
            + " with %d negatives: p50 %.1f ms, p99 %.1f ms%n",
        limits.postingBudget() == FingerprintMatcher.UNLIMITED
            ? "exact (every hash)"
            : String.format(Locale.ROOT, "posting budget %,d", limits.postingBudget()),
        label,
        querySeconds,
        real,
        pct(positive, 50),
        pct(positive, 90),
        pct(positive, 99),
        positive[positive.length - 1],
        negatives,
        pct(all, 50),
        pct(all, 99));
    System.out.printf(
        Locale.ROOT,
        "  found %d/%d (%.1f%%), %d at the right offset (±0.1 s), median score of the found %s;"
            + " wrong track accepted %d; negatives accepted %d/%d; mean candidates reaching the threshold %.1f%n",
        found,
        real,
        100.0 * found / Math.max(1, real),
        foundAtRightOffset,
        topScores.isEmpty() ? "-" : topScores.get(topScores.size() / 2),
        wrongTrack,
        falseAccepts,
        negatives,
        (double) candidates / Math.max(1, real));
  }

  /** Replays queries through a counting source, then walks the same lookups with no matcher. */
  private static void whereTheTimeGoes(
      LuceneFingerprintCatalogue catalogue,
      FingerprintIndex memory,
      Fingerprint[] queries,
      LookupLimits limits) {
    long lookups = 0;
    long postings = 0;
    double matchMs = 0;
    double walkMs = 0;
    double memoryMs = 0;
    long checksum = 0;
    for (Fingerprint q : queries) {
      IntList requested = new IntList();
      long[] visited = new long[1];
      long m0 = System.nanoTime();
      catalogue.withPostings(
          source ->
              FingerprintMatcher.match(
                  q,
                  new PostingSource() {
                    @Override
                    public void forEachPosting(int hash, PostingVisitor visitor) {
                      requested.add(hash);
                      source.forEachPosting(
                          hash,
                          (t, f, p) -> {
                            visited[0]++;
                            visitor.visit(t, f, p);
                          });
                    }

                    @Override
                    public long postingCount(int hash) {
                      return source.postingCount(hash);
                    }

                    @Override
                    public String trackId(int trackNumber) {
                      return source.trackId(trackNumber);
                    }
                  },
                  limits));
      matchMs += (System.nanoTime() - m0) / 1e6;
      lookups += requested.size;
      postings += visited[0];
      long[] sum = new long[1];
      long w0 = System.nanoTime();
      catalogue.withPostings(
          source -> {
            for (int i = 0; i < requested.size; i++) {
              source.forEachPosting(requested.values[i], (t, f, p) -> sum[0] += t ^ f ^ p);
            }
            return null;
          });
      walkMs += (System.nanoTime() - w0) / 1e6;
      checksum += sum[0];
      if (memory != null) {
        long i0 = System.nanoTime();
        memory.match(q, LookupLimits.allCandidates(limits.postingBudget()));
        memoryMs += (System.nanoTime() - i0) / 1e6;
      }
    }
    int n = Math.max(1, queries.length);
    System.out.printf(
        Locale.ROOT,
        "Where the time goes (mean of %d clean queries, first budget): %.0f lookups, %.0f postings visited;"
            + " match %.1f ms, of which Lucene's posting walk alone %.1f ms (%.0f ns/posting)"
            + " [checksum %d]%n",
        queries.length,
        (double) lookups / n,
        (double) postings / n,
        matchMs / n,
        walkMs / n,
        walkMs * 1e6 / Math.max(1, postings),
        checksum & 0xFF);
    if (memory != null) {
      System.out.printf(
          Locale.ROOT,
          "In-memory FingerprintIndex, same tracks and queries: match %.1f ms (mean)%n",
          memoryMs / n);
    }
  }

  /** Growable int array. */
  private static final class IntList {
    int[] values = new int[1024];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }

  /**
   * Groups whose hashes keep the pool's anchor pitch field but draw the other fields (Δpitch 1→2,
   * Δpitch 2→3, time ratio: bits 16..0 of the layout documented in {@link Fingerprinter}) each from
   * its own pool distribution, independently. The result has the pool's per-field skew but the long
   * tail of a large catalogue: a filler hash is as likely to be one no other track holds as the
   * field statistics allow, instead of always one of the pool's.
   */
  private static List<int[][]> independentFieldGroups(List<int[][]> groups, long seed) {
    IntList d12 = new IntList();
    IntList d23 = new IntList();
    IntList ratio = new IntList();
    for (int[][] g : groups) {
      for (int h : g[0]) {
        d12.add(h & (0x7F << 10));
        d23.add(h & (0x7F << 3));
        ratio.add(h & 0x7);
      }
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<int[][]> out = new ArrayList<>(groups.size() * 4);
    // Four variants of each anchor group, so that the draws are not one pool's worth only.
    for (int copy = 0; copy < 4; copy++) {
      for (int[][] g : groups) {
        int[] hs = new int[g[0].length];
        for (int j = 0; j < hs.length; j++) {
          hs[j] =
              (g[0][j] & ~0x1FFFF)
                  | d12.values[r.nextInt(d12.size)]
                  | d23.values[r.nextInt(d23.size)]
                  | ratio.values[r.nextInt(ratio.size)];
        }
        out.add(new int[][] {hs, g[1]});
      }
    }
    return out;
  }

  private static String realId(int i) {
    return String.format(Locale.ROOT, "real-%04d", i);
  }

  /** Splits a fingerprint into runs of triplets sharing one anchor (frame and pitch). */
  private static void addAnchorGroups(Fingerprint fp, List<int[][]> groups) {
    int n = fp.size();
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n
          || fp.anchorFrames()[i] != fp.anchorFrames()[start]
          || fp.anchorPitches()[i] != fp.anchorPitches()[start]) {
        groups.add(
            new int[][] {
              Arrays.copyOfRange(fp.hashes(), start, i),
              Arrays.copyOfRange(fp.anchorPitches(), start, i)
            });
        start = i;
      }
    }
  }

  /**
   * A synthetic track: anchor groups drawn from the pool, anchors spaced so that the track holds
   * {@code hashesPerSecond × seconds} hashes over its length.
   */
  static Fingerprint filler(
      List<int[][]> groups, double hashesPerSecond, double seconds, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = (int) Math.round(hashesPerSecond * seconds);
    int[] hashes = new int[n];
    int[] frames = new int[n];
    int[] pitches = new int[n];
    double frameRate = Fingerprinter.FRAME_RATE_HZ;
    double frames0 = seconds * frameRate;
    double frame = 0;
    int k = 0;
    while (k < n) {
      int[][] g = groups.get(r.nextInt(groups.size()));
      // Anchors are spread evenly in expectation: each group advances time by its share.
      frame += r.nextDouble() * 2 * g[0].length * frames0 / n;
      int f = (int) Math.min(frame, frames0 - 1);
      for (int j = 0; j < g[0].length && k < n; j++, k++) {
        hashes[k] = g[0][j];
        frames[k] = f;
        pitches[k] = g[1][j];
      }
    }
    return new Fingerprint(hashes, frames, pitches, new byte[n], frameRate, seconds);
  }

  /**
   * A synthetic track cut from the pool's fingerprints as they are: runs of {@code segmentSeconds}
   * of consecutive triplets (the pool piece's own anchor times, pitches and hashes, so the
   * correlations within and between neighbouring anchors stay real) from random pool pieces at
   * random starts, each run transposed by its own random whole number of semitones in −6..+6 (the
   * anchor pitch field of the hash and the anchor pitches shift; the intervals and the time ratio
   * do not change under transposition) and thinned or repeated to {@code hashesPerSecond}. A run
   * transposed by k semitones is what the Fingerprinter gives for that music played in another key,
   * so every filler hash is a hash real music yields; the pool's 30 s pieces × 13 keys make the set
   * of (run, key) pairs large enough that two fillers rarely share a run (see docs/benchmarks.md
   * for the measured comparison against genuinely fingerprinted fillers).
   */
  static Fingerprint transposedFiller(
      List<Fingerprint> pool,
      double hashesPerSecond,
      double seconds,
      double segmentSeconds,
      long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double frameRate = Fingerprinter.FRAME_RATE_HZ;
    int n = (int) Math.round(hashesPerSecond * seconds);
    int[] hashes = new int[n];
    int[] frames = new int[n];
    int[] pitches = new int[n];
    int segFrames = (int) Math.round(segmentSeconds * frameRate);
    int totalFrames = (int) Math.round(seconds * frameRate);
    int k = 0;
    for (int base = 0; base < totalFrames && k < n; base += segFrames) {
      Fingerprint p = pool.get(r.nextInt(pool.size()));
      int[] pf = p.anchorFrames();
      int poolFrames = (int) (p.durationSeconds() * frameRate);
      int from = r.nextInt(Math.max(1, poolFrames - segFrames));
      int shift = r.nextInt(13) - 6;
      // Hashes of this segment in the filler: its share of n, so the density is hashesPerSecond.
      int want =
          (int)
              Math.min(
                  n - k,
                  Math.round((double) n * Math.min(segFrames, totalFrames - base) / totalFrames));
      int lo = lowerBound(pf, from);
      int hi = lowerBound(pf, from + segFrames);
      if (hi <= lo) {
        continue;
      }
      for (int j = 0; j < want; j++) {
        // Evenly spread picks over the run (thinning or repeating): keeps the run's time order.
        int src = lo + (int) ((long) j * (hi - lo) / want);
        int f1 = Math.max(0, Math.min(63, ((p.hashes()[src] >>> 17) & 0x3F) + shift));
        hashes[k] = (p.hashes()[src] & ~(0x3F << 17)) | f1 << 17;
        frames[k] = base + pf[src] - from;
        pitches[k] = Math.max(0, p.anchorPitches()[src] + shift * 32);
        k++;
      }
    }
    return new Fingerprint(
        Arrays.copyOf(hashes, k),
        Arrays.copyOf(frames, k),
        Arrays.copyOf(pitches, k),
        new byte[k],
        frameRate,
        seconds);
  }

  private static int lowerBound(int[] sorted, int key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static long sizeOnDisk(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // a file merged away while listing
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sizeByExtension(Path dir) throws IOException {
    Map<String, Long> byExt = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        byExt.merge(ext, Files.size(p), Long::sum);
      }
    }
    StringBuilder b = new StringBuilder("  by file type:");
    byExt.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .filter(e -> e.getValue() > 1 << 20)
        .forEach(
            e ->
                b.append(
                    String.format(Locale.ROOT, " .%s %.2f GB", e.getKey(), e.getValue() / 1e9)));
    System.out.println(b);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
