package io.hazardledger.eventstore.store;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SnapshotPolicyTest {
    private static final SnapshotPolicy<Tally> POLICY = SnapshotPolicy.of(Tally.class, 1);

    @Test
    void aStateRecordRoundTrips() {
        Tally tally = new Tally(UUID.randomUUID(), "二号车间", 7, 3);

        assertEquals(tally, POLICY.read(POLICY.write(tally)));
    }

    @Test
    void jsonThatDoesNotFitTheStateExactlyIsRefused() {
        String id = UUID.randomUUID().toString();

        assertThrows(IllegalArgumentException.class,
                () -> POLICY.read("{\"id\":\"" + id + "\",\"name\":\"a\",\"total\":7}"), "a field missing");
        assertThrows(IllegalArgumentException.class,
                () -> POLICY.read("{\"id\":\"" + id + "\",\"name\":\"a\",\"total\":7,\"ticks\":1,\"largest\":5}"),
                "a field unknown");
    }

    @Test
    void theIntervalIsTheConfiguredOneUnlessThePolicyNamesItsOwn() {
        var snapshots = new SnapshotStore(50);

        assertEquals(50, snapshots.every(POLICY));
        assertEquals(3, snapshots.every(POLICY.every(3)));
        assertThrows(IllegalArgumentException.class, () -> POLICY.every(0));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotStore(0));
    }
}
