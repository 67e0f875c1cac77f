package com.audiostems.activities.catalogue;

import com.audiostems.dsp.fingerprint.Fingerprint;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * The hashes of one fingerprint as tokens in ascending position order (Lucene requires positions
 * never to decrease within a field; the fingerprint is in anchor-frame order but its pitches within
 * one frame are not sorted).
 */
final class HashTokens extends TokenStream {
  private final BytesTermAttribute termAttr = addAttribute(BytesTermAttribute.class);
  private final PositionIncrementAttribute posIncAttr =
      addAttribute(PositionIncrementAttribute.class);
  // One term buffer for all tokens: the indexing chain copies a term's bytes as it reads them.
  private final BytesRef term = new BytesRef(new byte[4]);
  private final int[] hashes;
  private final long[] order; // position << 32 | index, sorted
  private int next;
  private int lastPosition;

  HashTokens(Fingerprint fp) {
    hashes = fp.hashes();
    int[] frames = fp.anchorFrames();
    int[] pitches = fp.anchorPitches();
    order = new long[hashes.length];
    for (int i = 0; i < hashes.length; i++) {
      if (frames[i] < 0 || frames[i] > LuceneFingerprintCatalogue.MAX_ANCHOR_FRAME) {
        throw new IllegalArgumentException(
            "anchor frame "
                + frames[i]
                + " outside the index layout's range 0.."
                + LuceneFingerprintCatalogue.MAX_ANCHOR_FRAME);
      }
      if (pitches[i] < 0 || pitches[i] > LuceneFingerprintCatalogue.MAX_ANCHOR_PITCH) {
        throw new IllegalArgumentException(
            "anchor pitch "
                + pitches[i]
                + " outside the index layout's range 0.."
                + LuceneFingerprintCatalogue.MAX_ANCHOR_PITCH);
      }
      order[i] = (long) CatalogueDocument.position(frames[i], pitches[i]) << 32 | i;
    }
    Arrays.sort(order);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = 0;
    lastPosition = -1;
  }

  @Override
  public boolean incrementToken() {
    if (next == order.length) {
      return false;
    }
    clearAttributes();
    long o = order[next++];
    int position = (int) (o >>> 32);
    int hash = hashes[(int) o];
    byte[] b = term.bytes;
    b[0] = (byte) (hash >>> 24);
    b[1] = (byte) (hash >>> 16);
    b[2] = (byte) (hash >>> 8);
    b[3] = (byte) hash;
    termAttr.setBytesRef(term);
    // The first token's increment is from position −1; equal positions give increment 0.
    posIncAttr.setPositionIncrement(position - lastPosition);
    lastPosition = position;
    return true;
  }
}
