package io.licenseflow.testing.bench;

import java.util.Arrays;

/** Measured latencies in microseconds, sorted: percentiles and one report line. */
record Latencies(long[] micros) {

    static Latencies of(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    int count() {
        return micros.length;
    }

    /** Nearest-rank percentile in milliseconds; 0 when nothing was measured. */
    double p(int percentile) {
        if (micros.length == 0) {
            return 0;
        }
        return micros[Math.min(micros.length - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * micros.length) - 1))] / 1000.0;
    }

    double max() {
        return micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0;
    }

    String line(String what, double seconds) {
        return String.format("%-44s n=%-5d (%.0f/s)  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms", what, count(),
                count() / seconds, p(50), p(90), p(99), max());
    }
}
