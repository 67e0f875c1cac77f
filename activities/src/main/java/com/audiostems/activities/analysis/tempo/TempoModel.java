package com.audiostems.activities.analysis.tempo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import com.audiostems.dsp.rhythm.TempoLevels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned metrical-level decision (training/tempo/train.py, issue 18): a small network that
 * scores each reading of {@link TempoLevels} from its features and returns their softmax, run by
 * ONNX Runtime. The CPU execution provider by default; the CUDA provider when asked for and the
 * ONNX Runtime build and the host have it (the GPU pool asks), else CPU with a warning. Both give
 * the same probabilities within {@link #PROVIDER_TOLERANCE}.
 *
 * <p>Thread-safe (ONNX Runtime sessions are); one per process is enough.
 */
public final class TempoModel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TempoModel.class);

  /** The weights on the classpath, written by training/tempo/train.py. */
  static final String RESOURCE = "tempo-octave-v1.onnx";

  static final String NAME = "tempo-octave-v1";

  /**
   * Largest difference in a probability between execution providers (or against the numpy reference
   * the training wrote): float32 sums in another order differ in the 6th–7th digit.
   */
  public static final double PROVIDER_TOLERANCE = 1e-4;

  /** Which execution provider to ask for. */
  public enum Provider {
    CPU,
    /** CUDA device 0 when available, CPU otherwise. */
    CUDA_IF_AVAILABLE
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final String provider;

  private TempoModel(OrtEnvironment environment, OrtSession session, String provider) {
    this.environment = environment;
    this.session = session;
    this.provider = provider;
  }

  /** The committed model on the CPU provider. */
  public static TempoModel cpu() {
    return open(Provider.CPU);
  }

  /** The committed model on the provider asked for (see {@link Provider}). */
  public static TempoModel open(Provider wanted) {
    byte[] weights;
    try (InputStream in = TempoModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The tempo model " + RESOURCE + " is not on the classpath; rebuild activities.");
      }
      weights = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    if (wanted == Provider.CUDA_IF_AVAILABLE) {
      if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
        try (OrtSession.SessionOptions options = options()) {
          options.addCUDA(0);
          return new TempoModel(env, env.createSession(weights, options), "CUDA");
        } catch (OrtException e) {
          log.warn(
              "CUDA execution provider failed to start ({}); the tempo model runs on CPU",
              e.getMessage());
        }
      } else {
        log.info("This ONNX Runtime build has no CUDA provider; the tempo model runs on CPU");
      }
    }
    try (OrtSession.SessionOptions options = options()) {
      return new TempoModel(env, env.createSession(weights, options), "CPU");
    } catch (OrtException e) {
      throw new IllegalStateException("The tempo model " + RESOURCE + " does not load: " + e, e);
    }
  }

  /** One thread per inference: the pipeline runs one analysis per core. */
  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    return options;
  }

  /** "CPU" or "CUDA": the execution provider this session runs on. */
  public String executionProvider() {
    return provider;
  }

  /**
   * The probability of each reading, {@code [track][level]}, levels in {@link TempoLevels#RATIOS}
   * order; input {@code [track][level][feature]}.
   */
  public float[][] probabilities(float[][][] levels) {
    try (OnnxTensor input = OnnxTensor.createTensor(environment, levels);
        OrtSession.Result result = session.run(Map.of("levels", input))) {
      return (float[][]) result.get(0).getValue();
    } catch (OrtException e) {
      throw new IllegalStateException(
          "The tempo model failed on " + levels.length + " inputs: " + e, e);
    }
  }

  /**
   * The probabilities of one track's readings around the rules' tempo (see {@link TempoDecision}
   * for why the rules' reading stays primary); no pulse gives a decision of 0 BPM.
   */
  public TempoDecision decide(TempoLevels levels) {
    if (!levels.present()) {
      return new TempoDecision(0, 0, 0, "double", 0, List.of(), 0, 0, NAME, provider);
    }
    float[] p = probabilities(new float[][][] {levels.features()})[0];
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    int primary = TempoLevels.BASE_LEVEL;
    double bpm = levels.bpm(primary);
    double half = probabilityOf(levels, p, bpm / 2);
    double twice = probabilityOf(levels, p, bpm * 2);
    boolean halfWins = half > twice;
    List<TempoDecision.Reading> readings = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      readings.add(new TempoDecision.Reading(levels.bpm(i), p[i]));
    }
    readings.sort(Comparator.comparingDouble(TempoDecision.Reading::probability).reversed());
    return new TempoDecision(
        bpm,
        p[primary],
        halfWins ? bpm / 2 : bpm * 2,
        halfWins ? "half" : "double",
        halfWins ? half : twice,
        List.copyOf(readings),
        levels.bpm(best),
        p[best],
        NAME,
        provider);
  }

  /** The probability of the reading at {@code bpm}; 0 when it is not among the readings. */
  private static double probabilityOf(TempoLevels levels, float[] p, double bpm) {
    for (int i = 0; i < p.length; i++) {
      if (Math.abs(levels.bpm(i) / bpm - 1) < 0.01) {
        return p[i];
      }
    }
    return 0;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      log.warn("Closing the tempo model's session: {}", e.getMessage());
    }
  }
}
