package com.audiostems.app.commands;

import com.audiostems.workflows.trace.LeakTrace;
import com.audiostems.workflows.trace.TraceRequest;
import com.audiostems.workflows.trace.TraceWorkflow;
import io.temporal.client.WorkflowFailedException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code audiostems trace FILE}: runs {@link TraceWorkflow} over a file found in the wild and
 * prints, in one answer, which track it is and where (the fingerprint) and whose copy it was (the
 * watermark: a licence and its licensee, or a preview).
 */
@Component
public class TraceRunner {
  private final FileQueries fileQueries;

  public TraceRunner(FileQueries fileQueries) {
    this.fileQueries = fileQueries;
  }

  /**
   * Exit codes: 0 the track or the mark was found, 3 neither, 2 the file is the problem, 1 failed.
   *
   * @param file an existing, readable regular file, absolute
   * @param outDir the local store whose catalogue and registry to read; null for {@code
   *     audiostems.storage.root}
   * @param temporalTarget a running server whose workers answer; null for this process
   */
  public int trace(Path file, Path outDir, String temporalTarget, PrintStream out, PrintStream err)
      throws Exception {
    LeakTrace trace;
    try {
      trace =
          fileQueries.run(
              file,
              outDir,
              temporalTarget,
              "trace " + file.getFileName(),
              (client, query) ->
                  client
                      .newWorkflowStub(
                          TraceWorkflow.class,
                          query
                              .options()
                              .setWorkflowId(TraceWorkflow.workflowId(query.queryId()))
                              .build())
                      .trace(new TraceRequest(query.queryId(), query.sourceKey(), true)));
    } catch (WorkflowFailedException e) {
      err.println(
          "audiostems: could not trace " + file.getFileName() + ": " + FileQueries.reasonOf(e));
      return FileQueries.rejected(e) ? ExitCodes.REJECTED : ExitCodes.FAILED;
    }
    out.println("Fingerprint:");
    IdentifyRunner.print(out, file, trace.identification());
    out.println("Watermark:");
    if (trace.watermark().found()) {
      WatermarkRunner.print(file, trace.watermark(), fileQueries.storeRoot(outDir), out);
    } else {
      out.printf(
          Locale.ROOT,
          "  no watermark found (%.1f s searched)%n",
          trace.watermark().durationSeconds());
    }
    boolean found = !trace.identification().isEmpty() || trace.watermark().found();
    return found ? ExitCodes.OK : ExitCodes.NOT_FOUND;
  }
}
