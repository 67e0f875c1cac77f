package com.audiostems.dsp.waveform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Peaks in the binary format BBC's audiowaveform writes ({@code .dat}), which peaks.js and
 * waveform-data.js read. Layout, from audiowaveform's doc/DataFormat.md, all little-endian:
 *
 * <pre>
 * int32  version          1 or 2
 * uint32 flags            bit 0: 0 = 16-bit values, 1 = 8-bit
 * int32  sample rate      Hz
 * int32  samples per pixel
 * uint32 length           pixels
 * int32  channels         version 2 only
 * then per pixel, per channel: min, max (int16 or int8)
 * </pre>
 *
 * Version 1 holds one channel; we write version 2 with one channel (the mix) unless asked. An 8-bit
 * value is the 16-bit one's high byte (range -128..127).
 */
public final class AudiowaveformDat {
  private static final int FLAG_8_BIT = 1;

  private AudiowaveformDat() {}

  /** The bits of each stored value. */
  public enum Bits {
    SIXTEEN,
    EIGHT
  }

  /** Version 2, one channel, 16-bit values: what {@code audiowaveform -b 16} writes for mono. */
  public static byte[] write(WaveformPeaks.Peaks peaks) {
    return write(peaks, 2, Bits.SIXTEEN);
  }

  /** {@code version} 1 or 2 (then with {@code channels} = 1), 8- or 16-bit values. */
  public static byte[] write(WaveformPeaks.Peaks peaks, int version, Bits bits) {
    if (version != 1 && version != 2) {
      throw new IllegalArgumentException("audiowaveform .dat versions are 1 and 2, not " + version);
    }
    int header = version == 1 ? 20 : 24;
    int valueBytes = bits == Bits.EIGHT ? 1 : 2;
    ByteBuffer out =
        ByteBuffer.allocate(header + peaks.minMax().length * valueBytes)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(version);
    out.putInt(bits == Bits.EIGHT ? FLAG_8_BIT : 0);
    out.putInt(peaks.sampleRateHz());
    out.putInt(peaks.samplesPerPixel());
    out.putInt(peaks.length());
    if (version == 2) {
      out.putInt(1);
    }
    for (short value : peaks.minMax()) {
      if (bits == Bits.EIGHT) {
        out.put((byte) (value >> 8));
      } else {
        out.putShort(value);
      }
    }
    return out.array();
  }
}
