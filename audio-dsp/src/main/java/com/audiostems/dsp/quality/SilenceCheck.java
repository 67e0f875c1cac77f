package com.audiostems.dsp.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Digital silence: runs of frames in which every channel is below {@link #SILENCE_DBFS} (exact
 * zeros included). A run touching the start is leading silence, one touching the end trailing
 * silence, any other internal silence (a dropout, a bad edit, or a gap that should have room tone).
 * A recording's own quiet passages carry noise, dither or reverb tails above -90 dBFS.
 */
final class SilenceCheck {
  static final String LEADING_CODE = "silence-leading";
  static final String TRAILING_CODE = "silence-trailing";
  static final String INTERNAL_CODE = "silence-internal";

  /** Digital silence: below -90 dBFS, i.e. within ±1 LSB of a 16-bit file. */
  static final double SILENCE_DBFS = -90;

  /** Leading silence over 1 s delays the music noticeably when a supervisor clicks play. */
  static final double LEADING_WARNING_SECONDS = 1.0;

  /** Trailing silence over 2 s: a reverb tail fades into noise, not into seconds of nothing. */
  static final double TRAILING_WARNING_SECONDS = 2.0;

  /** Leading/trailing silence above this is reported for information (an editor may trim it). */
  static final double EDGE_INFO_SECONDS = 0.25;

  /**
   * Internal runs of exact zeros this long are a dropout or an edit gap: real pauses carry noise or
   * reverb, and even a 50 ms hole in a mix is audible.
   */
  static final double INTERNAL_ZERO_WARNING_SECONDS = 0.05;

  /**
   * Internal runs below -90 dBFS (but not all zeros) this long: a muted stretch inside the music.
   */
  static final double INTERNAL_WARNING_SECONDS = 0.5;

  /** Internal runs kept for the report (the longest). */
  static final int MAX_REPORTED = 5;

  private final int channels;
  private final float level = (float) Units.amplitude(SILENCE_DBFS);
  private long position;
  private long runStart = -1;
  private boolean runAllZero;
  private long leadingEnd = -1;
  private final List<long[]> internal = new ArrayList<>(); // {start, end, allZero}

  SilenceCheck(int channels) {
    this.channels = channels;
  }

  void accept(float[][] block, int n) {
    if (channels == 2) {
      acceptStereo(block[0], block[1], n);
      return;
    }
    for (int i = 0; i < n; i++) {
      float m = 0;
      for (int c = 0; c < channels; c++) {
        m = Math.max(m, Math.abs(block[c][i]));
      }
      frame(m, i);
    }
    position += n;
  }

  private void acceptStereo(float[] l, float[] r, int n) {
    int i = 0;
    while (i < n) {
      if (runStart < 0) {
        // Fast path: look for the next silent frame.
        while (i < n && (Math.abs(l[i]) > level || Math.abs(r[i]) > level)) {
          i++;
        }
        if (i == n) {
          break;
        }
      }
      frame(Math.max(Math.abs(l[i]), Math.abs(r[i])), i);
      i++;
    }
    position += n;
  }

  private void frame(float m, int i) {
    if (m <= level) {
      if (runStart < 0) {
        runStart = position + i;
        runAllZero = true;
      }
      runAllZero &= m == 0;
    } else if (runStart >= 0) {
      closeRun(position + i);
    }
  }

  private void closeRun(long end) {
    if (runStart == 0) {
      leadingEnd = end;
    } else {
      long[] run = {runStart, end, runAllZero ? 1 : 0};
      internal.add(run);
      if (internal.size() > 4 * MAX_REPORTED) {
        prune();
      }
    }
    runStart = -1;
  }

  private void prune() {
    internal.sort((a, b) -> Long.compare(b[1] - b[0], a[1] - a[0]));
    while (internal.size() > MAX_REPORTED) {
      internal.removeLast();
    }
  }

  List<Finding> check(int sampleRateHz) {
    List<Finding> out = new ArrayList<>();
    double sr = sampleRateHz;
    double duration = position / sr;
    long trailingStart = -1;
    if (runStart == 0) {
      leadingEnd = position; // all silent
    } else if (runStart > 0) {
      trailingStart = runStart;
    }
    if (leadingEnd > 0) {
      double s = leadingEnd / sr;
      if (s >= EDGE_INFO_SECONDS) {
        out.add(
            new Finding(
                LEADING_CODE,
                s >= LEADING_WARNING_SECONDS ? Severity.WARNING : Severity.INFO,
                s,
                LEADING_WARNING_SECONDS,
                "s",
                0,
                s,
                "The file starts with "
                    + Units.f1(s)
                    + " s of digital silence; trim it so that the music starts promptly."));
      }
    }
    if (trailingStart > 0) {
      double s = (position - trailingStart) / sr;
      if (s >= EDGE_INFO_SECONDS) {
        out.add(
            new Finding(
                TRAILING_CODE,
                s >= TRAILING_WARNING_SECONDS ? Severity.WARNING : Severity.INFO,
                s,
                TRAILING_WARNING_SECONDS,
                "s",
                trailingStart / sr,
                duration,
                "The file ends with "
                    + Units.f1(s)
                    + " s of digital silence; trim it to the end of the reverb tail."));
      }
    }
    prune();
    for (long[] run : internal) {
      double s = (run[1] - run[0]) / sr;
      boolean zero = run[2] == 1;
      double threshold = zero ? INTERNAL_ZERO_WARNING_SECONDS : INTERNAL_WARNING_SECONDS;
      if (s < threshold) {
        continue;
      }
      out.add(
          new Finding(
              INTERNAL_CODE,
              Severity.WARNING,
              s,
              threshold,
              "s",
              run[0] / sr,
              run[1] / sr,
              (zero ? "A dropout: " : "A digitally silent gap: ")
                  + Units.f2(s)
                  + " s of "
                  + (zero ? "exact zeros" : "silence below -90 dBFS")
                  + " at "
                  + Units.time(run[0] / sr)
                  + " inside the music. If it is not intended, check the edit or export"
                  + " there; if it is, fill it with room tone."));
    }
    return out;
  }
}
