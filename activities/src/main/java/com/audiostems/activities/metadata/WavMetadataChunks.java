package com.audiostems.activities.metadata;

import com.audiostems.workflows.metadata.BroadcastExtension;
import java.util.Map;

/**
 * The metadata chunks of a WAVE file.
 *
 * @param rf64 true for an RF64/BW64 file (which jaudiotagger cannot read)
 * @param bext the bext chunk, or null
 * @param ixml the iXML chunk's text, or null
 * @param info LIST/INFO entries by id ("INAM" to "Title"), in file order; empty when none
 */
record WavMetadataChunks(
    boolean rf64, BroadcastExtension bext, String ixml, Map<String, String> info) {}
