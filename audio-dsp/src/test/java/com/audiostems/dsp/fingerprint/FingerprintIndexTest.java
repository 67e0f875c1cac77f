package com.audiostems.dsp.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintIndexTest {

  @Test
  void findsExcerptAndForgetsRemovedTrack() {
    Fingerprinter fp = new Fingerprinter();
    float[] a =
        MusicSynth.render(PieceSpec.builder().durationSeconds(20).seed(11).build())
            .mono()
            .samples();
    float[] b =
        MusicSynth.render(PieceSpec.builder().durationSeconds(20).seed(12).build())
            .mono()
            .samples();
    FingerprintIndex index = new FingerprintIndex();
    index.add("a", fp.fingerprint(a, 44_100));
    index.add("b", fp.fingerprint(b, 44_100));
    Fingerprint q = fp.fingerprint(Arrays.copyOfRange(a, 5 * 44_100, 15 * 44_100), 44_100);
    List<Match> ms = index.match(q);
    assertEquals("a", ms.get(0).trackId());
    assertTrue(ms.get(0).score() >= FingerprintMatcher.DECISION_MIN_SCORE);
    assertEquals(5.0, ms.get(0).referenceStartSeconds() - ms.get(0).queryStartSeconds(), 0.1);
    assertEquals(1.0, ms.get(0).speedRatio(), 0.01);
    assertTrue(index.remove("a"));
    assertTrue(index.match(q).stream().noneMatch(m -> m.trackId().equals("a")));
    assertEquals(1, index.trackCount());
  }
}
