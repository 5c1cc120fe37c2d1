package org.roundtable.conference.benchmark;

import java.util.Arrays;

/** Latency samples in microseconds, kept in a growable array (cheaper than boxing millions of Longs). */
final class Percentiles {

    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile in milliseconds (p from 0 to 100). */
    synchronized double millis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100.0 * size) - 1));
        return sorted[index] / 1000.0;
    }

    synchronized void clear() {
        size = 0;
    }
}
