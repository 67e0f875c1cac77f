package com.audiostems.workflows.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tempo model's fields are additive: an analysis result recorded before them (in a workflow
 * history that replays) still reads, and the new ones survive a round trip.
 */
class TrackAnalysisTempoPayloadTest {

  @Test
  void aTempoRecordedBeforeTheModelStillReadsWithoutProbabilities() {
    String recorded =
        "{\"bpm\":118.2,\"confidence\":0.6,\"alternatives\":[{\"bpm\":59.1,\"relation\":\"half\","
            + "\"score\":0.2}],\"beatsPerBar\":4,\"metreConfidence\":0.7,\"beatCount\":580,"
            + "\"tempoMinBpm\":117,\"tempoMaxBpm\":119,\"tempoVaries\":false}";
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(recorded))
            .build();
    TrackAnalysis.Tempo tempo =
        DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
            payload, TrackAnalysis.Tempo.class, TrackAnalysis.Tempo.class);
    assertThat(tempo.bpm()).isEqualTo(118.2);
    assertThat(tempo.alternatives()).hasSize(1);
    assertThat(tempo.bpmProbability()).isZero();
    assertThat(tempo.octaveAlternative()).isNull();
    assertThat(tempo.tempoModel()).isNull();
  }

  @Test
  void theModelsReadingAndItsHalfOrDoubleRoundTrip() {
    TrackAnalysis.Tempo tempo =
        new TrackAnalysis.Tempo(
            90,
            0.5,
            List.of(new TrackAnalysis.TempoAlternative(180, "double", 0.3)),
            4,
            0.7,
            40,
            89,
            91,
            false,
            0.65,
            new TrackAnalysis.TempoAlternative(180, "double", 0.3),
            "tempo-octave-v1 on CPU");
    Optional<Payload> payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(tempo);
    TrackAnalysis.Tempo back =
        DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
            payload.orElseThrow(), TrackAnalysis.Tempo.class, TrackAnalysis.Tempo.class);
    assertThat(back).isEqualTo(tempo);
  }
}
