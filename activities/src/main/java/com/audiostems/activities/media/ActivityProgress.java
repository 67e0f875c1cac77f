package com.audiostems.activities.media;

import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.track.OutputProgress;
import com.audiostems.workflows.track.TrackIngestWorkflow;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a tool's progress fraction into Temporal heartbeats (which also deliver cancellation: the
 * heartbeat call throws once the workflow cancels the activity) and, for encode lanes, into
 * progress signals to the track workflow so that its query can show each output's progress. Signals
 * are sent at most every {@link #SIGNAL_INTERVAL_NANOS} to keep the history small.
 */
public final class ActivityProgress implements DoubleConsumer {
  private static final Logger log = LoggerFactory.getLogger(ActivityProgress.class);
  private static final long SIGNAL_INTERVAL_NANOS = 1_000_000_000L;

  private final ActivityExecutionContext context;
  private final List<OutputFormat> outputs;
  private long lastSignalNanos;
  private boolean signalsFailed;

  private ActivityProgress(ActivityExecutionContext context, List<OutputFormat> outputs) {
    this.context = context;
    this.outputs = outputs;
  }

  /** Heartbeats only. Must be created on the activity's thread. */
  public static ActivityProgress heartbeats() {
    return new ActivityProgress(Activity.getExecutionContext(), List.of());
  }

  /**
   * Heartbeats plus progress signals for these outputs. Must be created on the activity's thread.
   */
  static ActivityProgress forOutputs(List<OutputFormat> outputs) {
    return new ActivityProgress(Activity.getExecutionContext(), List.copyOf(outputs));
  }

  @Override
  public void accept(double fraction) {
    context.heartbeat(fraction);
    long now = System.nanoTime();
    if (outputs.isEmpty() || signalsFailed || now - lastSignalNanos < SIGNAL_INTERVAL_NANOS) {
      return;
    }
    lastSignalNanos = now;
    try {
      TrackIngestWorkflow workflow =
          context
              .getWorkflowClient()
              .newWorkflowStub(TrackIngestWorkflow.class, context.getInfo().getWorkflowId());
      for (OutputFormat format : outputs) {
        workflow.reportOutputProgress(new OutputProgress(format, fraction, "encoding"));
      }
    } catch (RuntimeException e) {
      // Progress is a courtesy to the person watching; the encode must not fail for it.
      signalsFailed = true;
      log.debug(
          "Progress signals to {} stopped: {}", context.getInfo().getWorkflowId(), e.toString());
    }
  }
}
