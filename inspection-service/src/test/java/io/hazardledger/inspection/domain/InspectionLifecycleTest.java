package io.hazardledger.inspection.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.contracts.inspection.Checklist;
import io.hazardledger.contracts.inspection.EnforcementKind;
import io.hazardledger.contracts.inspection.InspectionKind;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.IllegalTransition;
import io.hazardledger.eventstore.domain.Role;
import io.hazardledger.eventstore.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every (state, command) pair of the inspection lifecycle. */
class InspectionLifecycleTest {
    private static final String DISTRICT = "370786";
    private static final UUID ENTERPRISE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final Caller INSPECTOR = new Caller("insp-1", Role.INSPECTOR, DISTRICT, null);
    private static final Caller REGULATOR = new Caller("reg-1", Role.REGULATOR, DISTRICT, null);
    private static final Caller OWNER = new Caller("ent-1", Role.ENTERPRISE, null, ENTERPRISE);
    private static final Inspection.Finding FINDING = new Inspection.Finding("有限空间作业未审批", HazardCategory.CONFINED_SPACE,
            Severity.MAJOR, "污水池", null, List.of(), "CS-01");

    /** A command as a caller allowed to issue it would send it. */
    private record Command(String name, Function<Inspection, DomainEvent> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("start", i -> i.start(INSPECTOR, NOW)),
            new Command("finding", i -> i.recordFinding(INSPECTOR, UUID.randomUUID(), FINDING)),
            new Command("enforce", i -> i.takeEnforcementAction(REGULATOR, UUID.randomUUID(),
                    new Inspection.Action(EnforcementKind.FINE, new BigDecimal("20000"), "罚款", "罚〔2026〕1号"), NOW)),
            new Command("complete", i -> i.complete(INSPECTOR, "检查完毕", NOW)),
            new Command("cancel", i -> i.cancel(REGULATOR, "企业停电", NOW)));

    /** What each allowed pair decides; every pair missing here must be refused with 409. */
    private static final Map<String, String> ALLOWED = Map.of(
            "PLANNED/start", "InspectionStarted",
            "PLANNED/cancel", "InspectionCancelled",
            "IN_PROGRESS/finding", "FindingRecorded",
            "IN_PROGRESS/enforce", "EnforcementActionTaken",
            "IN_PROGRESS/complete", "InspectionCompleted",
            "IN_PROGRESS/cancel", "InspectionCancelled",
            "COMPLETED/enforce", "EnforcementActionTaken");

    static Inspection planned() {
        return Inspection.apply(Inspection.NONE, Inspection.plan(REGULATOR, UUID.randomUUID(),
                new Inspection.Subject(ENTERPRISE, DISTRICT, EnterpriseStatus.ACTIVE),
                new Inspection.Plan(InspectionKind.SPECIAL_CAMPAIGN, LocalDate.of(2026, 6, 1), List.of("insp-1"),
                        "有限空间专项检查", Checklist.CONFINED_SPACE)));
    }

    /** An inspection brought to {@code status} through its own commands. */
    static Inspection in(InspectionStatus status) {
        Inspection inspection = planned();
        switch (status) {
            case PLANNED -> {
            }
            case IN_PROGRESS -> inspection = then(inspection, inspection.start(INSPECTOR, NOW));
            case COMPLETED -> {
                inspection = then(inspection, inspection.start(INSPECTOR, NOW));
                inspection = then(inspection, inspection.complete(INSPECTOR, "检查完毕", NOW));
            }
            case CANCELLED -> inspection = then(inspection, inspection.cancel(REGULATOR, "改期", NOW));
        }
        return inspection;
    }

    static Inspection then(Inspection state, DomainEvent event) {
        return Inspection.apply(state, event);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (InspectionStatus status : InspectionStatus.values()) {
            for (Command command : COMMANDS) {
                pairs.add(Arguments.of(status, command));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPair")
    void allowedPairsDecideExactlyTheirEventAndOthersAreIllegalTransitions(InspectionStatus status, Command command) {
        Inspection inspection = in(status);
        assertEquals(status, inspection.status());
        String expected = ALLOWED.get(status + "/" + command.name());
        if (expected == null) {
            IllegalTransition refused = assertThrows(IllegalTransition.class, () -> command.run().apply(inspection));
            assertTrue(refused.getMessage().contains(status.name()), refused.getMessage());
        } else {
            assertEquals(expected, command.run().apply(inspection).getClass().getSimpleName());
        }
    }

    @Test
    void completionCountsFindingsAndActions() {
        Inspection inspection = in(InspectionStatus.IN_PROGRESS);
        inspection = then(inspection, inspection.recordFinding(INSPECTOR, UUID.randomUUID(), FINDING));
        inspection = then(inspection, inspection.recordFinding(INSPECTOR, UUID.randomUUID(),
                new Inspection.Finding("焊工无证", HazardCategory.ELECTRICAL, Severity.GENERAL, "车间", null, null, null)));
        inspection = then(inspection, inspection.takeEnforcementAction(REGULATOR, UUID.randomUUID(),
                new Inspection.Action(EnforcementKind.WARNING, null, "警告", null), NOW));
        var completed = inspection.complete(INSPECTOR, "发现隐患两项", NOW);
        assertEquals(List.of(2, 1, 1), List.of(completed.findings(), completed.majorFindings(), completed.enforcementActions()));
    }

    @Test
    void aChecklistItemMustBelongToTheCampaignsChecklist() {
        Inspection inspection = in(InspectionStatus.IN_PROGRESS);
        var welding = new Inspection.Finding("动火未审批", HazardCategory.FIRE, Severity.GENERAL, "车间", null, null, "EGW-01");
        RuleViolation refused = assertThrows(RuleViolation.class, () -> inspection.recordFinding(INSPECTOR, UUID.randomUUID(), welding));
        assertEquals("checklistItem", refused.violations().get(0).field());
    }

    @Test
    void planningRules() {
        var subject = new Inspection.Subject(ENTERPRISE, DISTRICT, EnterpriseStatus.ACTIVE);
        var noName = new Inspection.Plan(InspectionKind.SPECIAL_CAMPAIGN, LocalDate.of(2026, 6, 1), List.of("i"), " ", null);
        assertEquals("campaign", assertThrows(RuleViolation.class,
                () -> Inspection.plan(INSPECTOR, UUID.randomUUID(), subject, noName)).violations().get(0).field());
        var enforcement = new Inspection.Plan(InspectionKind.ENFORCEMENT, LocalDate.of(2026, 6, 1), List.of("i"), null, null);
        var closed = new Inspection.Subject(ENTERPRISE, DISTRICT, EnterpriseStatus.CLOSED);
        assertEquals("enterpriseId", assertThrows(RuleViolation.class,
                () -> Inspection.plan(INSPECTOR, UUID.randomUUID(), closed, enforcement)).violations().get(0).field());
        var suspended = new Inspection.Subject(ENTERPRISE, DISTRICT, EnterpriseStatus.SUSPENDED);
        assertEquals(ENTERPRISE, Inspection.plan(INSPECTOR, UUID.randomUUID(), suspended, enforcement).enterpriseId());
    }

    @Test
    void amountsGoWithFinesAndConfiscationsOnly() {
        Inspection inspection = in(InspectionStatus.IN_PROGRESS);
        assertThrows(RuleViolation.class, () -> inspection.takeEnforcementAction(REGULATOR, UUID.randomUUID(),
                new Inspection.Action(EnforcementKind.CONFISCATION, null, "没收", null), NOW));
        assertThrows(RuleViolation.class, () -> inspection.takeEnforcementAction(REGULATOR, UUID.randomUUID(),
                new Inspection.Action(EnforcementKind.INTERVIEW, BigDecimal.TEN, "约谈", null), NOW));
    }

    @Test
    void scopeAndRoleComeBeforeTheState() {
        Inspection completed = in(InspectionStatus.COMPLETED);
        Caller elsewhere = new Caller("insp-9", Role.INSPECTOR, "350503", null);
        assertThrows(Caller.OutOfScope.class, () -> completed.recordFinding(elsewhere, UUID.randomUUID(), FINDING));
        assertThrows(Caller.Forbidden.class, () -> completed.recordFinding(OWNER, UUID.randomUUID(), FINDING),
                "an enterprise runs only its own self-inspections");
        assertThrows(Caller.Forbidden.class, () -> completed.takeEnforcementAction(OWNER, UUID.randomUUID(),
                new Inspection.Action(EnforcementKind.WARNING, null, "警告", null), NOW));
        var selfInspection = new Inspection.Plan(InspectionKind.SELF_INSPECTION, LocalDate.of(2026, 6, 1), List.of("安全员"), null, null);
        var subject = new Inspection.Subject(ENTERPRISE, DISTRICT, EnterpriseStatus.ACTIVE);
        Inspection own = Inspection.apply(null, Inspection.plan(OWNER, UUID.randomUUID(), subject, selfInspection));
        assertEquals("InspectionStarted", own.start(OWNER, NOW).getClass().getSimpleName());
        Caller otherFirm = new Caller("ent-2", Role.ENTERPRISE, null, UUID.randomUUID());
        assertThrows(Caller.OutOfScope.class, () -> own.start(otherFirm, NOW));
    }
}
