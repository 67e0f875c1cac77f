package com.audiostems.dsp.rhythm;

import com.audiostems.dsp.signal.MonoSignal;
import com.audiostems.dsp.signal.Resampler;
import com.audiostems.dsp.testing.music.AccuracySuite;
import com.audiostems.dsp.testing.music.MusicSynth;
import com.audiostems.dsp.testing.music.PieceSpec;
import com.audiostems.dsp.testing.music.SynthesizedPiece;
import java.util.ArrayList;
import java.util.List;

/**
 * For the development tools: the suite's and the hold-out's pieces whose labels contain a word,
 * analysed.
 */
final class DebugPieces {

  record Analysed(PieceSpec spec, SynthesizedPiece piece, OnsetFeatures onsets) {}

  private DebugPieces() {}

  static List<Analysed> matching(String... labelFragments) {
    List<PieceSpec> all = new ArrayList<>(AccuracySuite.pieces());
    all.addAll(HoldoutSuite.pieces());
    List<Analysed> out = new ArrayList<>();
    for (PieceSpec spec : all) {
      if (List.of(labelFragments).stream().noneMatch(w -> spec.label().contains(w))) {
        continue;
      }
      SynthesizedPiece piece = MusicSynth.render(spec);
      MonoSignal mono = piece.mono();
      MonoSignal analysis = Resampler.toAnalysisRate(mono.samples(), mono.sampleRateHz());
      out.add(new Analysed(spec, piece, OnsetStrength.analyze(analysis)));
    }
    return out;
  }
}
