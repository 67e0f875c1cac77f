package com.audiostems.activities.metadata;

/**
 * One chunk of a RIFF/RF64 WAVE file as found on disk.
 *
 * @param id the four-character code
 * @param offset where the chunk's 8-byte header starts
 * @param size the payload size (for RF64, the 64-bit size from ds64 when the header says -1)
 * @param listType the form type of a LIST chunk ("INFO", "adtl"...), otherwise null
 */
record RiffChunk(String id, long offset, long size, String listType) {

  long payloadOffset() {
    return offset + 8;
  }

  /**
   * Where the next chunk starts: RIFF keeps chunks word-aligned with a pad byte after odd sizes.
   */
  long end() {
    return payloadOffset() + size + (size & 1);
  }

  boolean isInfoList() {
    return "LIST".equals(id) && "INFO".equals(listType);
  }
}
