package com.audiostems.app.metrics;

import com.audiostems.activities.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@code audiostems.temporal.task-queue.backlog}: the server's approximate backlog of
 * each task queue this pool polls, read with DescribeTaskQueue (report_stats) every poll interval.
 * Tasks waiting are what an autoscaler adds hosts for. A server that cannot tell (the in-process
 * test server) leaves the gauge at its last value, -1 until a first answer; it is said once in the
 * log.
 */
public final class TaskQueueBacklog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TaskQueueBacklog.class);

  /** A task queue and the kind of task it holds. */
  public record Queue(String name, TaskQueueType type) {}

  private final WorkflowClient client;
  private final List<Queue> queues;
  private final Map<Queue, AtomicLong> backlog = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "audiostems-backlog");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean warned;

  private TaskQueueBacklog(WorkflowClient client, List<Queue> queues) {
    this.client = client;
    this.queues = List.copyOf(queues);
  }

  /** Registers one gauge per queue and polls them until closed. */
  public static TaskQueueBacklog start(
      WorkflowClient client, List<Queue> queues, PipelineMetrics metrics) {
    TaskQueueBacklog poller = new TaskQueueBacklog(client, queues);
    MeterRegistry registry = metrics.registry();
    for (Queue queue : poller.queues) {
      AtomicLong value = poller.backlog.computeIfAbsent(queue, q -> new AtomicLong(-1));
      Gauge.builder(MetricNames.TASK_QUEUE_BACKLOG, value, AtomicLong::get)
          .description("Tasks waiting in the task queue, as the Temporal server approximates them")
          .tag("task_queue", queue.name())
          .tag("task_queue_type", typeTag(queue.type()))
          .register(registry);
    }
    long every = metrics.settings().backlogPollInterval().toMillis();
    poller.timer.scheduleWithFixedDelay(poller::pollOnce, 0, every, TimeUnit.MILLISECONDS);
    return poller;
  }

  static String typeTag(TaskQueueType type) {
    return type == TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW ? "workflow" : "activity";
  }

  /** Reads every queue once; exposed for tests. */
  void pollOnce() {
    for (Queue queue : queues) {
      try {
        long count =
            client
                .getWorkflowServiceStubs()
                .blockingStub()
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .describeTaskQueue(
                    DescribeTaskQueueRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setTaskQueue(TaskQueue.newBuilder().setName(queue.name()))
                        .setTaskQueueType(queue.type())
                        .setReportStats(true)
                        .build())
                .getStats()
                .getApproximateBacklogCount();
        backlog.get(queue).set(count);
      } catch (RuntimeException e) {
        if (!warned) {
          warned = true;
          log.warn(
              String.format(
                  Locale.ROOT,
                  "The Temporal server did not describe task queue %s's backlog (%s); %s keeps its"
                      + " last value. Said once.",
                  queue.name(),
                  e.getMessage(),
                  MetricNames.TASK_QUEUE_BACKLOG));
        }
      }
    }
  }

  /** The last value read per queue, -1 before the first answer. */
  public long backlogOf(Queue queue) {
    AtomicLong value = backlog.get(queue);
    return value == null ? -1 : value.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
