package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.eventstore.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.hazardledger.hazard.domain.ScriptedHazards.NOW;
import static io.hazardledger.hazard.domain.ScriptedHazards.REGULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RectificationPlanTest {
    private static final RectificationPlan FULL_GENERAL = ScriptedHazards.plan(Severity.GENERAL);

    private static RectificationPlan without(RectificationPlan p, String field) {
        return new RectificationPlan(
                field.equals("responsiblePerson") ? null : p.responsiblePerson(),
                field.equals("measures") ? " " : p.measures(),
                field.equals("fundsYuan") ? null : p.fundsYuan(),
                field.equals("deadline") ? null : p.deadline(),
                field.equals("emergencyMeasures") ? null : p.emergencyMeasures(),
                field.equals("goalAndTasks") ? null : p.goalAndTasks(),
                field.equals("materials") ? null : p.materials(),
                field.equals("organisation") ? null : p.organisation(),
                field.equals("planDocument") ? null : p.planDocument());
    }

    private static List<String> refusedFields(Severity severity, RectificationPlan plan) {
        Hazard hazard = ScriptedHazards.in(HazardStatus.REPORTED, severity, HazardSource.INSPECTION);
        RuleViolation refused = assertThrows(RuleViolation.class, () -> hazard.assignRectification(REGULATOR, plan, NOW));
        return refused.violations().stream().map(RuleViolation.Violation::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"responsiblePerson", "measures", "fundsYuan", "deadline", "emergencyMeasures"})
    void eachMissingPartOfTheFiveImplementationsIsNamed(String field) {
        assertEquals(List.of(field), refusedFields(Severity.GENERAL, without(FULL_GENERAL, field)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"goalAndTasks", "measures", "fundsYuan", "materials", "organisation", "responsiblePerson",
            "deadline", "emergencyMeasures", "planDocument"})
    void eachMissingItemOfAMajorPlanIsNamed(String field) {
        assertEquals(List.of(field), refusedFields(Severity.MAJOR, without(ScriptedHazards.plan(Severity.MAJOR), field)));
    }

    @Test
    void anEmptyPlanNamesAllFiveAndAPastDeadlineOrNegativeFundsAreRefused() {
        assertEquals(List.of("responsiblePerson", "measures", "fundsYuan", "deadline", "emergencyMeasures"),
                refusedFields(Severity.GENERAL, new RectificationPlan(null, null, null, null, null, null, null, null, null)));
        RectificationPlan past = new RectificationPlan("李四", "更换", new BigDecimal("-1"), LocalDate.of(2020, 1, 1), "警示",
                null, null, null, null);
        assertEquals(List.of("fundsYuan", "deadline"), refusedFields(Severity.GENERAL, past));
    }

    @Test
    void anExtensionKeepsTheOriginalDeadlineAndAFailedVerificationCountsRework() {
        Hazard rectifying = ScriptedHazards.in(HazardStatus.RECTIFYING, Severity.GENERAL, HazardSource.INSPECTION);
        Hazard extended = ScriptedHazards.then(rectifying,
                rectifying.extendDeadline(REGULATOR, LocalDate.of(2026, 8, 31), "材料短缺"));
        assertEquals(LocalDate.of(2026, 6, 30), extended.originalDeadline());
        assertEquals(LocalDate.of(2026, 8, 31), extended.deadline());
        Hazard submitted = ScriptedHazards.then(extended, extended.submitCompletion(ScriptedHazards.INSPECTOR, "完成", List.of(), NOW));
        Hazard failed = ScriptedHazards.then(submitted, submitted.verify(REGULATOR, false, "不合格", NOW));
        assertEquals(HazardStatus.RECTIFYING, failed.status());
        assertEquals(1, failed.reworkCount());
    }
}
