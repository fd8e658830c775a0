package io.hazardledger.reporting.messaging;

import org.apache.kafka.common.TopicPartition;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which partitions a feeder far behind the topics' ends reads at a time: as many as it applies side by side, the
 * ones farthest behind, each until it holds its share of the records gathered. Read all at once, the partitions
 * filled the gathered records evenly, a few thousand each, and a hazard's five events, which lie some ten thousand
 * records apart in its partition, met in one batch less often: its row was written about twice per replay.
 */
final class CatchUpFocus {
    private CatchUpFocus() {
    }

    /** Up to {@code count} partitions with records left to read, the farthest behind first. */
    static Set<TopicPartition> farthestBehind(Map<TopicPartition, Long> lags, int count) {
        return lags.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<TopicPartition, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().toString()))
                .limit(count)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /**
     * Whether the partitions read hold enough to be applied: each its share of the records, or all there is to read
     * of it (its lag known and nothing left).
     */
    static boolean gathered(Set<TopicPartition> focus, Map<TopicPartition, ? extends List<?>> pending, int share,
                            Function<TopicPartition, OptionalLong> lag) {
        for (TopicPartition partition : focus) {
            List<?> held = pending.get(partition);
            boolean full = held != null && held.size() >= share;
            if (!full && lag.apply(partition).orElse(1) > 0) {
                return false;
            }
        }
        return true;
    }
}
