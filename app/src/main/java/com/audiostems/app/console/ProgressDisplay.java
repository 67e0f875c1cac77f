package com.audiostems.app.console;

import com.audiostems.workflows.track.OutputProgress;
import com.audiostems.workflows.track.TrackProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows the workflow's progress query in the terminal: on an interactive terminal, a bar per output
 * redrawn in place; otherwise (CI logs, pipes) one line per change of stage or output state.
 */
public final class ProgressDisplay {
  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private final boolean interactive;
  private int linesDrawn;
  private String lastPlain = "";

  public ProgressDisplay(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  public static boolean terminalIsInteractive() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.equals("dumb");
  }

  public void show(TrackProgress progress) {
    if (interactive) {
      redraw(progress);
    } else {
      printChanges(progress);
    }
  }

  private void redraw(TrackProgress progress) {
    StringBuilder frame = new StringBuilder();
    if (linesDrawn > 0) {
      frame.append("\033[").append(linesDrawn).append("F"); // back to the first line we drew
    }
    frame.append("\033[2K").append("stage: ").append(stageName(progress)).append('\n');
    for (OutputProgress output : progress.outputs()) {
      frame.append("\033[2K").append(bar(output)).append('\n');
    }
    out.print(frame);
    out.flush();
    linesDrawn = 1 + progress.outputs().size();
  }

  private void printChanges(TrackProgress progress) {
    StringBuilder states = new StringBuilder(stageName(progress));
    progress
        .outputs()
        .forEach(o -> states.append(' ').append(o.format()).append('=').append(o.state()));
    String now = states.toString();
    if (!now.equals(lastPlain)) {
      out.println("stage: " + stageName(progress) + outputsInWords(progress));
      lastPlain = now;
    }
  }

  private static String outputsInWords(TrackProgress progress) {
    if (progress.outputs().isEmpty()) {
      return "";
    }
    StringBuilder words = new StringBuilder(" |");
    progress
        .outputs()
        .forEach(o -> words.append(' ').append(name(o)).append(' ').append(o.state()));
    return words.toString();
  }

  static String bar(OutputProgress output) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, output.fraction())) * BAR_WIDTH);
    return String.format(
        Locale.ROOT,
        "  %-16s [%s%s] %3d%% %s",
        name(output),
        "#".repeat(filled),
        "-".repeat(BAR_WIDTH - filled),
        Math.round(output.fraction() * 100),
        output.state());
  }

  private static String name(OutputProgress output) {
    return output.format().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String stageName(TrackProgress progress) {
    return progress.stage() == null
        ? "starting"
        : progress.stage().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
