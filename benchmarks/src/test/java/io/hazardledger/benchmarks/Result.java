package io.hazardledger.benchmarks;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured scenario, over one round or several.
 *
 * @param appends    commands that appended their event within the measured time
 * @param conflicts  lost races of those commands and of the ones that gave up
 * @param gaveUp     commands whose every attempt lost (a 409 in a service)
 * @param latency    microseconds from a command's start to its commit, retries included, of the commands that
 *                   appended
 * @param roundRates appends per second of each round, to show how much the rounds differ
 */
record Result(String scenario, int clients, long storedBefore, long storedAfter, long appends, long conflicts,
              long gaveUp, Histogram latency, double seconds, UsageProbe.Usage usage, List<Double> roundRates) {

    /** Latencies are recorded in microseconds, up to a minute. */
    static Histogram newHistogram() {
        return new Histogram(60_000_000L, 3);
    }

    static Result ofRound(String scenario, int clients, long storedBefore, long storedAfter, long appends,
                          long conflicts, long gaveUp, Histogram latency, double seconds, UsageProbe.Usage usage) {
        return new Result(scenario, clients, storedBefore, storedAfter, appends, conflicts, gaveUp, latency, seconds,
                usage, List.of(appends / seconds));
    }

    /** This scenario's figures and another round's together. */
    Result plus(Result round) {
        Histogram both = latency.copy();
        both.add(round.latency);
        List<Double> rates = new ArrayList<>(roundRates);
        rates.addAll(round.roundRates);
        return new Result(scenario, clients, Math.min(storedBefore, round.storedBefore),
                Math.max(storedAfter, round.storedAfter), appends + round.appends, conflicts + round.conflicts,
                gaveUp + round.gaveUp, both, seconds + round.seconds, usage.plus(round.usage), List.copyOf(rates));
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

    /** Share of the machine's CPUs that everything but the client and its backends took while measuring. */
    double otherCpuShare() {
        return usage.otherCpuNanos() / (seconds * 1e9 * Runtime.getRuntime().availableProcessors());
    }

    double walBytesPerAppend() {
        return (double) usage.walBytes() / appends;
    }
}
