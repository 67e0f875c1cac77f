package com.audiostems.workflows.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.audiostems.workflows.media.OutputFormat;
import org.junit.jupiter.api.Test;

/** What an operator reads of a job in the Temporal UI. */
class TrackDetailsTest {

  @Test
  void theDetailsShowTheTrackItsStagesWithTheirTimesAndItsOutputs() {
    TrackState track = new TrackState();
    track.start("t-0009", "Song — Band");
    track.stage = TrackStage.ENCODING;
    track.stageMillis.put("PROBING", 120L);
    track.output(OutputFormat.FLAC, 0.5, "encoding");

    String markdown = TrackDetails.markdown(track);

    assertThat(markdown)
        .startsWith("**Song — Band**")
        .contains("track `t-0009` · stage **encoding** · published version none")
        .contains("| probing | 120 |")
        .contains("| encoding | … |")
        .contains("analysis: **pending**")
        .contains("| FLAC | encoding | 50% |");
  }

  @Test
  void aStoppedJourneySaysWhyAboveTheStages() {
    TrackState track = new TrackState();
    track.start("t-0009", null);
    track.failure = "NotAudio: the file is a PNG image";

    assertThat(TrackDetails.markdown(track))
        .startsWith("**t-0009**")
        .contains("> NotAudio: the file is a PNG image");
  }
}
