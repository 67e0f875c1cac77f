package com.audiostems.gateway.support;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Temporal's in-memory test server has no query-based visibility (ListWorkflowExecutions), only the
 * older open/closed listings. This client interceptor answers ListWorkflowExecutions from those for
 * the one query shape the gateway sends — {@code WorkflowType = 'X'} with an optional {@code AND
 * ExecutionStatus = 'Y'} — and rejects any other query, as a real server rejects a malformed one.
 * Pages are offsets; the server's own page tokens are opaque bytes too. Each execution is
 * described, as visibility answers it with its memo and search attributes.
 */
public final class VisibilityQueryInterceptor implements ClientInterceptor {
  private static final Pattern QUERY =
      Pattern.compile("WorkflowType = '([A-Za-z0-9_]+)'(?: AND ExecutionStatus = '([A-Za-z]+)')?");

  @Override
  @SuppressWarnings("unchecked")
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    if (!method
        .getFullMethodName()
        .equals(WorkflowServiceGrpc.getListWorkflowExecutionsMethod().getFullMethodName())) {
      return next.newCall(method, options);
    }
    return (ClientCall<Q, R>) new AnsweredCall(next);
  }

  /** Visibility's name of a status: WORKFLOW_EXECUTION_STATUS_TIMED_OUT → "TimedOut". */
  static String visibilityName(io.temporal.api.enums.v1.WorkflowExecutionStatus status) {
    String name = status.name().substring("WORKFLOW_EXECUTION_STATUS_".length());
    return Arrays.stream(name.split("_"))
        .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  private static ListWorkflowExecutionsResponse answer(
      Channel channel, ListWorkflowExecutionsRequest request) {
    Matcher query = QUERY.matcher(request.getQuery());
    if (!query.matches()) {
      throw Status.INVALID_ARGUMENT
          .withDescription("unsupported query: " + request.getQuery())
          .asRuntimeException();
    }
    WorkflowServiceGrpc.WorkflowServiceBlockingStub service =
        WorkflowServiceGrpc.newBlockingStub(channel);
    String namespace = request.getNamespace();
    List<WorkflowExecutionInfo> matching =
        Stream.concat(
                service
                    .listOpenWorkflowExecutions(
                        ListOpenWorkflowExecutionsRequest.newBuilder()
                            .setNamespace(namespace)
                            .build())
                    .getExecutionsList()
                    .stream(),
                service
                    .listClosedWorkflowExecutions(
                        ListClosedWorkflowExecutionsRequest.newBuilder()
                            .setNamespace(namespace)
                            .build())
                    .getExecutionsList()
                    .stream())
            .filter(info -> info.getType().getName().equals(query.group(1)))
            .filter(
                info ->
                    query.group(2) == null
                        || visibilityName(info.getStatus()).equals(query.group(2)))
            .sorted(
                Comparator.comparing(
                        (WorkflowExecutionInfo info) ->
                            info.getStartTime().getSeconds() * 1_000_000_000L
                                + info.getStartTime().getNanos())
                    .reversed())
            .toList();
    int offset =
        request.getNextPageToken().isEmpty()
            ? 0
            : Integer.parseInt(request.getNextPageToken().toStringUtf8());
    int pageSize = request.getPageSize() > 0 ? request.getPageSize() : 1000;
    int end = Math.min(matching.size(), offset + pageSize);
    // A real visibility store answers each execution with its memo and search attributes; the
    // older listings leave them out, so the page's executions are described one by one.
    ListWorkflowExecutionsResponse.Builder response =
        ListWorkflowExecutionsResponse.newBuilder()
            .addAllExecutions(
                matching.subList(Math.min(offset, end), end).stream()
                    .map(
                        info ->
                            service
                                .describeWorkflowExecution(
                                    DescribeWorkflowExecutionRequest.newBuilder()
                                        .setNamespace(namespace)
                                        .setExecution(info.getExecution())
                                        .build())
                                .getWorkflowExecutionInfo())
                    .toList());
    if (end < matching.size()) {
      response.setNextPageToken(ByteString.copyFrom(Integer.toString(end), StandardCharsets.UTF_8));
    }
    return response.build();
  }

  /** A unary call answered in the calling thread, without reaching the server's missing method. */
  private static final class AnsweredCall
      extends ClientCall<ListWorkflowExecutionsRequest, ListWorkflowExecutionsResponse> {
    private final Channel channel;
    private Listener<ListWorkflowExecutionsResponse> listener;
    private ListWorkflowExecutionsRequest request;

    AnsweredCall(Channel channel) {
      this.channel = channel;
    }

    @Override
    public void start(Listener<ListWorkflowExecutionsResponse> listener, Metadata headers) {
      this.listener = listener;
    }

    @Override
    public void request(int numMessages) {}

    @Override
    public void cancel(String message, Throwable cause) {}

    @Override
    public void sendMessage(ListWorkflowExecutionsRequest message) {
      this.request = message;
    }

    @Override
    public void halfClose() {
      try {
        ListWorkflowExecutionsResponse response = answer(channel, request);
        listener.onHeaders(new Metadata());
        listener.onMessage(response);
        listener.onClose(Status.OK, new Metadata());
      } catch (StatusRuntimeException e) {
        listener.onClose(e.getStatus(), new Metadata());
      }
    }
  }
}
