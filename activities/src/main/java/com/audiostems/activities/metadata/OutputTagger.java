package com.audiostems.activities.metadata;

import com.audiostems.workflows.media.OutputFormat;
import com.audiostems.workflows.metadata.TrackMetadata;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a track's metadata into an encoded output in that format's own tagging: ID3v2.4 for MP3,
 * MP4 atoms for AAC/ALAC, Vorbis comments for FLAC, RIFF INFO plus bext (and iXML) for WAV.
 * Artwork goes in where the format allows it. The encode lanes call it on each output before
 * storing it.
 */
public interface OutputTagger {

  /**
   * @param output the encoded file, rewritten in place
   * @param artwork the artwork image file, or null when the track has none
   */
  void tag(Path output, OutputFormat format, TrackMetadata metadata, Path artwork) throws IOException;
}
