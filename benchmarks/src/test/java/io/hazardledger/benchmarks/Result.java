package io.hazardledger.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * One measured scenario.
 *
 * @param appends   commands that appended their event within the measured time
 * @param conflicts lost races of those commands and of the ones that gave up
 * @param gaveUp    commands whose every attempt lost (a 409 in a service)
 * @param latency   microseconds from a command's start to its commit, retries included, of the commands that appended
 */
record Result(String scenario, int clients, long storedBefore, long storedAfter, long appends, long conflicts,
              long gaveUp, Histogram latency, double seconds, UsageProbe.Usage usage) {

    /** Latencies are recorded in microseconds, up to a minute. */
    static Histogram newHistogram() {
        return new Histogram(60_000_000L, 3);
    }

    double appendsPerSecond() {
        return appends / seconds;
    }

    double millis(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1000.0;
    }

    double clientCpuMicrosPerAppend() {
        return usage.clientCpuNanos() / 1000.0 / appends;
    }

    /** NaN when the backends' CPU time was not readable. */
    double postgresCpuMicrosPerAppend() {
        return usage.postgresCpuNanos() < 0 ? Double.NaN : usage.postgresCpuNanos() / 1000.0 / appends;
    }

    double walBytesPerAppend() {
        return (double) usage.walBytes() / appends;
    }
}
