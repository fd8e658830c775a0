package io.hazardledger.benchmarks;

import java.util.Collections;
import java.util.List;

/**
 * What each of every 20 requests is ({@code -Dload.mix}): {@code mixed} is 12 commands and 8 reads, as clients of
 * the services would send them; {@code commands} is commands only, for the command path at a given rate.
 */
enum LoadMix {
    MIXED(List.of(Kind.REPORT, 6, Kind.STEP, 4, Kind.FINDING, 2, Kind.LIST, 4, Kind.SINGLE, 2, Kind.DISTRICT_TABLE, 2)),
    COMMANDS(List.of(Kind.REPORT, 12, Kind.STEP, 6, Kind.FINDING, 2));

    enum Kind {
        /** POST /api/hazards */
        REPORT(true),
        /** the next step of an earlier hazard: rectification, completion, verification (closure) */
        STEP(true),
        /** POST /api/inspections/{id}/findings, which becomes a hazard via Kafka */
        FINDING(true),
        /** GET /api/hazards?districtCode= */
        LIST(false),
        /** GET /api/hazards/{id} */
        SINGLE(false),
        /** GET /api/stats/districts */
        DISTRICT_TABLE(false);

        final boolean command;

        Kind(boolean command) {
            this.command = command;
        }
    }

    private final List<Kind> slots;

    LoadMix(List<Object> kindsAndCounts) {
        List<Kind> all = new java.util.ArrayList<>();
        for (int i = 0; i < kindsAndCounts.size(); i += 2) {
            all.addAll(Collections.nCopies((Integer) kindsAndCounts.get(i + 1), (Kind) kindsAndCounts.get(i)));
        }
        this.slots = List.copyOf(all);
    }

    static LoadMix fromProperty() {
        return valueOf(System.getProperty("load.mix", "mixed").toUpperCase());
    }

    Kind at(long tick) {
        return slots.get((int) (tick % slots.size()));
    }

    /** Share of the requests that are of {@code kind}. */
    double share(Kind kind) {
        return (double) Collections.frequency(slots, kind) / slots.size();
    }

    double commandShare() {
        return slots.stream().filter(k -> k.command).count() / (double) slots.size();
    }
}
