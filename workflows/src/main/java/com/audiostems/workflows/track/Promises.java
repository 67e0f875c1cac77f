package com.audiostems.workflows.track;

import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

/** Promises that are already settled, for stages that sometimes have nothing to wait for. */
final class Promises {
  private Promises() {}

  static <T> Promise<T> completed(T value) {
    CompletablePromise<T> promise = Workflow.newPromise();
    promise.complete(value);
    return promise;
  }

  static <T> Promise<T> failed(RuntimeException failure) {
    CompletablePromise<T> promise = Workflow.newPromise();
    promise.completeExceptionally(failure);
    return promise;
  }
}
