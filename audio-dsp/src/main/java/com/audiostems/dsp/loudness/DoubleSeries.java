package com.audiostems.dsp.loudness;

import java.util.Arrays;

/** A growable list of doubles (values arrive at 10 Hz for as long as the track lasts). */
final class DoubleSeries {

  private double[] values = new double[256];
  private int size;

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  double get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return values[index];
  }

  /** A copy of the values from {@code from} (inclusive) on, empty if there are none. */
  double[] copyFrom(int from) {
    return from >= size ? new double[0] : Arrays.copyOfRange(values, from, size);
  }
}
