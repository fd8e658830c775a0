package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.hazard.SupervisionLevel;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.IllegalTransition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.hazardledger.hazard.domain.ScriptedHazards.INSPECTOR;
import static io.hazardledger.hazard.domain.ScriptedHazards.NOW;
import static io.hazardledger.hazard.domain.ScriptedHazards.REGULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every (state, command) pair of the lifecycle, for a GENERAL and a MAJOR hazard. */
class HazardLifecycleTest {

    /** A command as a caller allowed to issue it would send it. */
    private record Command(String name, Function<Hazard, List<DomainEvent>> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("reclassify", h -> h.reclassify(REGULATOR, h.severity() == Severity.MAJOR ? Severity.GENERAL
                    : Severity.MAJOR, "复核", ScriptedHazards.ASSESSMENT)),
            new Command("assign", h -> h.assignRectification(REGULATOR, ScriptedHazards.plan(h.severity()), NOW)),
            new Command("extend", h -> h.extendDeadline(REGULATOR, LocalDate.of(2026, 7, 31), "设备到货延迟")),
            new Command("submit", h -> h.submitCompletion(INSPECTOR, "已整改", List.of(), NOW)),
            new Command("verify-pass", h -> h.verify(REGULATOR, true, "合格", NOW)),
            new Command("verify-fail", h -> h.verify(REGULATOR, false, "未彻底整改", NOW)),
            new Command("close", h -> h.close(REGULATOR, NOW)),
            new Command("list", h -> h.listForSupervision(REGULATOR, SupervisionLevel.CITY, "督办〔2026〕7号")),
            new Command("void", h -> h.voidReport(REGULATOR, "误报")));

    /** What each allowed pair decides; every pair missing here must be refused with 409. */
    private static final Map<String, List<String>> GENERAL = Map.ofEntries(
            Map.entry("REPORTED/reclassify", List.of("HazardReclassified", "SupervisionListed")),
            Map.entry("REPORTED/assign", List.of("RectificationAssigned")),
            Map.entry("REPORTED/list", List.of("SupervisionListed")),
            Map.entry("REPORTED/void", List.of("HazardVoided")),
            Map.entry("RECTIFYING/reclassify", List.of("HazardReclassified", "SupervisionListed")),
            Map.entry("RECTIFYING/extend", List.of("DeadlineExtended")),
            Map.entry("RECTIFYING/submit", List.of("RectificationSubmitted")),
            Map.entry("RECTIFYING/list", List.of("SupervisionListed")),
            Map.entry("AWAITING_VERIFICATION/reclassify", List.of("HazardReclassified", "SupervisionListed")),
            Map.entry("AWAITING_VERIFICATION/verify-pass", List.of("VerificationPassed", "HazardClosed")),
            Map.entry("AWAITING_VERIFICATION/verify-fail", List.of("VerificationFailed")),
            Map.entry("AWAITING_VERIFICATION/list", List.of("SupervisionListed")));

    private static final Map<String, List<String>> MAJOR = Map.ofEntries(
            Map.entry("REPORTED/reclassify", List.of("HazardReclassified")),
            Map.entry("REPORTED/assign", List.of("RectificationAssigned")),
            Map.entry("REPORTED/list", List.of("SupervisionListed")),
            Map.entry("REPORTED/void", List.of("HazardVoided", "SupervisionLifted")),
            Map.entry("RECTIFYING/reclassify", List.of("HazardReclassified")),
            Map.entry("RECTIFYING/extend", List.of("DeadlineExtended")),
            Map.entry("RECTIFYING/submit", List.of("RectificationSubmitted")),
            Map.entry("RECTIFYING/list", List.of("SupervisionListed")),
            Map.entry("AWAITING_VERIFICATION/reclassify", List.of("HazardReclassified")),
            Map.entry("AWAITING_VERIFICATION/verify-pass", List.of("VerificationPassed")),
            Map.entry("AWAITING_VERIFICATION/verify-fail", List.of("VerificationFailed")),
            Map.entry("AWAITING_VERIFICATION/list", List.of("SupervisionListed")),
            Map.entry("VERIFIED/reclassify", List.of("HazardReclassified")),
            Map.entry("VERIFIED/close", List.of("HazardClosed", "SupervisionLifted")),
            Map.entry("VERIFIED/list", List.of("SupervisionListed")));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            for (HazardStatus status : HazardStatus.values()) {
                if (severity == Severity.GENERAL && status == HazardStatus.VERIFIED) {
                    continue; // a GENERAL hazard passes from verification straight to closure
                }
                for (Command command : COMMANDS) {
                    pairs.add(Arguments.of(severity, status, command));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyPair")
    void allowedPairsDecideExactlyTheirEventsAndOthersAreIllegalTransitions(Severity severity, HazardStatus status,
                                                                            Command command) {
        Hazard hazard = ScriptedHazards.in(status, severity, HazardSource.INSPECTION);
        assertEquals(status, hazard.status());
        List<String> expected = (severity == Severity.MAJOR ? MAJOR : GENERAL).get(status + "/" + command.name());
        if (expected == null) {
            IllegalTransition refused = assertThrows(IllegalTransition.class, () -> command.run().apply(hazard));
            assertTrue(refused.getMessage().contains(status.name()), refused.getMessage());
        } else {
            assertEquals(expected, command.run().apply(hazard).stream().map(e -> e.getClass().getSimpleName()).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void liftingSupervisionNeedsAListingAndRewardsComeOnceForEmployeeReports(HazardStatus status) {
        Hazard general = ScriptedHazards.in(status, Severity.GENERAL, HazardSource.EMPLOYEE_REPORT);
        assertThrows(IllegalTransition.class, () -> general.liftSupervision(REGULATOR, "复查"));
        if (status == HazardStatus.VOIDED) {
            assertThrows(IllegalTransition.class, () -> general.rewardReporter(REGULATOR, new BigDecimal("500")));
            return;
        }
        Hazard rewarded = ScriptedHazards.then(general, general.rewardReporter(REGULATOR, new BigDecimal("500")));
        assertThrows(IllegalTransition.class, () -> rewarded.rewardReporter(REGULATOR, new BigDecimal("500")));
    }

    static Stream<HazardStatus> states() {
        return Stream.of(HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.AWAITING_VERIFICATION,
                HazardStatus.CLOSED, HazardStatus.VOIDED);
    }

    @org.junit.jupiter.api.Test
    void aMajorHazardIsListedWhenFoundAndTheListingIsLiftedOnClosure() {
        Hazard reported = ScriptedHazards.in(HazardStatus.REPORTED, Severity.MAJOR, HazardSource.INSPECTION);
        assertTrue(reported.supervision() != null && reported.supervision().automatic());
        Hazard closed = ScriptedHazards.in(HazardStatus.CLOSED, Severity.MAJOR, HazardSource.INSPECTION);
        assertEquals(null, closed.supervision());
        assertTrue(closed.closedAt() != null);
    }

    @org.junit.jupiter.api.Test
    void rolesAndScopeComeBeforeTheState() {
        Hazard major = ScriptedHazards.in(HazardStatus.VERIFIED, Severity.MAJOR, HazardSource.INSPECTION);
        assertThrows(Caller.Forbidden.class, () -> major.close(ScriptedHazards.OWNER, NOW), "only a regulator closes");
        assertThrows(Caller.Forbidden.class, () -> major.close(INSPECTOR, NOW));
        Caller elsewhere = new Caller("reg-9", io.hazardledger.eventstore.domain.Role.REGULATOR, "350503", null);
        assertThrows(Caller.OutOfScope.class, () -> major.close(elsewhere, NOW));
        Caller nowhere = new Caller("reg-0", io.hazardledger.eventstore.domain.Role.REGULATOR, null, null);
        assertThrows(Caller.OutOfScope.class, () -> major.close(nowhere, NOW), "a regulator without a district acts nowhere");
        Hazard selfFound = ScriptedHazards.in(HazardStatus.AWAITING_VERIFICATION, Severity.GENERAL, HazardSource.SELF_CHECK);
        assertEquals("VerificationPassed", selfFound.verify(ScriptedHazards.OWNER, true, "自查合格", NOW).get(0)
                .getClass().getSimpleName(), "an enterprise verifies its own self-found GENERAL hazards");
        Hazard inspected = ScriptedHazards.in(HazardStatus.AWAITING_VERIFICATION, Severity.GENERAL, HazardSource.INSPECTION);
        assertThrows(Caller.Forbidden.class, () -> inspected.verify(ScriptedHazards.OWNER, true, "", NOW));
    }
}
