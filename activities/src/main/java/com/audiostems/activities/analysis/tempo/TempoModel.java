package com.audiostems.activities.analysis.tempo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import com.audiostems.dsp.rhythm.RhythmAnalysis;
import com.audiostems.dsp.rhythm.Tempogram;
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
 * The learned tempo (training/tempo/train_tempogram.py, issue 18): a small convolutional network
 * over the onset envelopes' {@link Tempogram} that gives a probability to each of 157 tempo classes
 * (30–285 BPM), run by ONNX Runtime. The CPU execution provider by default; the CUDA provider when
 * asked for and the ONNX Runtime build and the host have it (the GPU pool asks), else CPU with a
 * warning. Both give the same probabilities within {@link #PROVIDER_TOLERANCE}.
 *
 * <p>Thread-safe (ONNX Runtime sessions are); one per process is enough.
 */
public final class TempoModel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TempoModel.class);

  /** The weights on the classpath, written by training/tempo/train_tempogram.py. */
  static final String RESOURCE = "tempo-tempogram-v3.onnx";

  public static final String NAME = "tempo-tempogram-v3";

  /** Whether the model's tempo is the primary one (else the rules', with the model's readings). */
  static final boolean MODEL_IS_PRIMARY = true;

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
   * The probability of each tempo class, {@code [track][class]} (class {@code k} at {@link
   * Tempogram#bpmOfClass}); input {@code [track][channel][bin]}, {@link Tempogram#values()}.
   */
  public float[][] probabilities(float[][][] tempograms) {
    try (OnnxTensor input = OnnxTensor.createTensor(environment, tempograms);
        OrtSession.Result result = session.run(Map.of("tempogram", input))) {
      return (float[][]) result.get(0).getValue();
    } catch (OrtException e) {
      throw new IllegalStateException(
          "The tempo model failed on " + tempograms.length + " inputs: " + e, e);
    }
  }

  /**
   * The tempo of one track: the model's likeliest tempo (see {@link TempoDecision} for when it is
   * primary), its ×⅓ … ×3 readings with their probabilities and the likelier of half and double. No
   * pulse (the rules found none) gives a decision of 0 BPM.
   */
  public TempoDecision decide(RhythmAnalysis rhythm) {
    return decide(rhythm.tempogram(), rhythm.tempoBpm());
  }

  /** The same from a tempogram and the rules' tempo, BPM (0: no pulse). */
  public TempoDecision decide(Tempogram tempogram, double rulesBpm) {
    if (rulesBpm <= 0) {
      return new TempoDecision(0, 0, 0, "double", 0, List.of(), 0, 0, NAME, provider);
    }
    float[] p = probabilities(new float[][][] {tempogram.values()})[0];
    double modelBpm = likeliestBpm(p);
    double bpm = MODEL_IS_PRIMARY ? modelBpm : rulesBpm;
    double half = massNear(p, bpm / 2);
    double twice = massNear(p, bpm * 2);
    boolean halfWins = half > twice;
    List<TempoDecision.Reading> readings = new ArrayList<>();
    for (double ratio : READING_RATIOS) {
      readings.add(new TempoDecision.Reading(bpm * ratio, massNear(p, bpm * ratio)));
    }
    readings.sort(Comparator.comparingDouble(TempoDecision.Reading::probability).reversed());
    return new TempoDecision(
        bpm,
        massNear(p, bpm),
        halfWins ? bpm / 2 : bpm * 2,
        halfWins ? "half" : "double",
        halfWins ? half : twice,
        List.copyOf(readings),
        modelBpm,
        massNear(p, modelBpm),
        NAME,
        provider);
  }

  /** The readings a decision lists, relative to its primary tempo. */
  static final double[] READING_RATIOS = {1.0 / 3, 0.5, 2.0 / 3, 1, 1.5, 2, 3};

  /** A reading's probability: the classes within ±4 % of it (Accuracy1's tolerance). */
  static final double READING_TOLERANCE = 0.04;

  /**
   * The likeliest class, refined by a parabola through its log-probability and its neighbours' (as
   * training/tempo/train_tempogram.py's decide), BPM.
   */
  static double likeliestBpm(float[] p) {
    int k = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[k]) {
        k = i;
      }
    }
    double shift = 0;
    if (k > 0 && k < p.length - 1) {
      double left = Math.log(p[k - 1] + 1e-12);
      double mid = Math.log(p[k] + 1e-12);
      double right = Math.log(p[k + 1] + 1e-12);
      double curvature = left - 2 * mid + right;
      if (curvature < 0) {
        shift = Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
      }
    }
    return Tempogram.bpmOfClass(k + shift);
  }

  /** Sum of the probabilities of the classes within {@link #READING_TOLERANCE} of {@code bpm}. */
  static double massNear(float[] p, double bpm) {
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      if (Math.abs(Tempogram.bpmOfClass(k) / bpm - 1) <= READING_TOLERANCE) {
        sum += p[k];
      }
    }
    return Math.min(1, sum);
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
