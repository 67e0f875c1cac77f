package com.audiostems.activities.metadata;

import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.metadata.TrackMetadata;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a track's metadata into an encoded output in that format's own tagging: ID3v2.4 for MP3,
 * MP4 atoms for AAC/ALAC, Vorbis comments for FLAC, RIFF INFO plus bext (and iXML) for WAV. Artwork
 * goes in where the format allows it. The encode lanes call it on each output before storing it.
 */
public interface OutputTagger {

  /**
   * @param output the encoded file, rewritten in place
   * @param artwork the artwork image file, or null when the track has none
   */
  void tag(Path output, OutputFormat format, TrackMetadata metadata, Path artwork)
      throws IOException;

  /**
   * Adds the analysis to an output's tags: ID3 TBPM/TKEY, MP4 tmpo and initialkey, Vorbis BPM and
   * INITIALKEY; a WAV gets an {@code id3 } chunk with TBPM/TKEY (RIFF INFO has no such fields).
   *
   * @param bpm whole beats per minute, or null to leave the tempo out
   * @param initialKey the key in ID3 TKEY form ("Am", "F#"), or null
   * @return whether the file was changed
   */
  boolean tagAnalysis(Path output, OutputFormat format, Integer bpm, String initialKey)
      throws IOException;
}
