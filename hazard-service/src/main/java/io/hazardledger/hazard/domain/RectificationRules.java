package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.eventstore.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What a rectification plan must name: 五落实 for a GENERAL hazard, the six items of 16号令 §15 for a MAJOR one. */
final class RectificationRules {
    private record Item(String field, String name, Function<RectificationPlan, Object> value) {
    }

    private static final Item RESPONSIBLE = new Item("responsiblePerson", "responsible person (责任)", RectificationPlan::responsiblePerson);
    private static final Item MEASURES = new Item("measures", "measures (措施)", RectificationPlan::measures);
    private static final Item FUNDS = new Item("fundsYuan", "funds in yuan (资金)", RectificationPlan::fundsYuan);
    private static final Item DEADLINE = new Item("deadline", "deadline (时限)", RectificationPlan::deadline);
    private static final Item EMERGENCY = new Item("emergencyMeasures", "emergency measures (预案)", RectificationPlan::emergencyMeasures);
    private static final Item GOAL = new Item("goalAndTasks", "goal and tasks (治理的目标和任务)", RectificationPlan::goalAndTasks);
    private static final Item MATERIALS = new Item("materials", "materials (物资)", RectificationPlan::materials);
    private static final Item ORGANISATION = new Item("organisation", "organisation in charge (负责治理的机构)", RectificationPlan::organisation);
    private static final Item PLAN_DOCUMENT = new Item("planDocument", "plan document (治理方案)", RectificationPlan::planDocument);

    private static final List<Item> FIVE_IMPLEMENTATIONS = List.of(RESPONSIBLE, MEASURES, FUNDS, DEADLINE, EMERGENCY);
    private static final List<Item> MAJOR_PLAN =
            List.of(GOAL, MEASURES, FUNDS, MATERIALS, ORGANISATION, RESPONSIBLE, DEADLINE, EMERGENCY, PLAN_DOCUMENT);

    private RectificationRules() {
    }

    /** Refuses the plan naming every missing or wrong item. */
    static void check(Severity severity, RectificationPlan plan, LocalDate today) {
        List<RuleViolation.Violation> violations = new ArrayList<>();
        for (Item item : severity == Severity.MAJOR ? MAJOR_PLAN : FIVE_IMPLEMENTATIONS) {
            Object value = item.value().apply(plan);
            if (value == null || value instanceof String text && text.isBlank()) {
                violations.add(new RuleViolation.Violation(item.field(), "the plan must name the " + item.name()));
            }
        }
        if (plan.fundsYuan() != null && plan.fundsYuan().compareTo(BigDecimal.ZERO) < 0) {
            violations.add(new RuleViolation.Violation("fundsYuan", "must not be negative"));
        }
        if (plan.deadline() != null && plan.deadline().isBefore(today)) {
            violations.add(new RuleViolation.Violation("deadline", "must not be in the past"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolation(violations);
        }
    }
}
