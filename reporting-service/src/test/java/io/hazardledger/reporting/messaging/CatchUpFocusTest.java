package io.hazardledger.reporting.messaging;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatchUpFocusTest {
    private static final TopicPartition H0 = new TopicPartition("hazard-events", 0);
    private static final TopicPartition H1 = new TopicPartition("hazard-events", 1);
    private static final TopicPartition H2 = new TopicPartition("hazard-events", 2);
    private static final TopicPartition E0 = new TopicPartition("enterprise-events", 0);

    @Test
    void thePartitionsFarthestBehindAreReadAsManyAsAreAppliedSideBySide() {
        Map<TopicPartition, Long> lags = Map.of(H0, 9_000L, H1, 40_000L, H2, 12_000L, E0, 300L);
        assertEquals(Set.of(H1, H2), CatchUpFocus.farthestBehind(lags, 2));
        assertEquals(Set.of(H1), CatchUpFocus.farthestBehind(lags, 1));
    }

    @Test
    void aPartitionWithNothingLeftIsNotRead() {
        assertEquals(Set.of(E0), CatchUpFocus.farthestBehind(Map.of(H0, 0L, E0, 5L), 2));
        assertEquals(Set.of(), CatchUpFocus.farthestBehind(Map.of(H0, 0L), 2));
    }

    @Test
    void gatheredOnceEachPartitionReadHoldsItsShareOrAllItHas() {
        Set<TopicPartition> focus = Set.of(H0, H1);
        Map<TopicPartition, OptionalLong> lags = Map.of(H0, OptionalLong.of(500), H1, OptionalLong.of(0));
        Map<TopicPartition, List<Integer>> pending = Map.of(H0, List.of(1, 2, 3), H1, List.of(1));

        assertTrue(CatchUpFocus.gathered(focus, pending, 3, lags::get), "H0 holds its share, H1 all it has");
        assertFalse(CatchUpFocus.gathered(focus, pending, 4, lags::get), "H0 short of its share with more to read");
        assertFalse(CatchUpFocus.gathered(focus, pending, 3, p -> OptionalLong.empty()),
                "H1's lag unknown: it may have more");
        assertFalse(CatchUpFocus.gathered(Set.of(H2), pending, 1, p -> OptionalLong.of(10)), "H2 holds nothing yet");
    }
}
