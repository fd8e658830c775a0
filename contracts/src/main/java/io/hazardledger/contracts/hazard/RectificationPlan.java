package io.hazardledger.contracts.hazard;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A rectification plan. For a GENERAL hazard the five items of 五落实: {@code responsiblePerson} (责任),
 * {@code measures} (措施), {@code fundsYuan} (资金), {@code deadline} (时限), {@code emergencyMeasures} (预案).
 * For a MAJOR hazard the six items of 16号令 §15: {@code goalAndTasks} (目标和任务), {@code measures} (方法和措施),
 * {@code fundsYuan} and {@code materials} (经费和物资), {@code organisation} and {@code responsiblePerson}
 * (机构和人员), {@code deadline} (时限和要求), {@code emergencyMeasures} (安全措施和应急预案), plus the
 * {@code planDocument} reference of the 治理方案.
 */
public record RectificationPlan(
        String responsiblePerson,
        String measures,
        BigDecimal fundsYuan,
        LocalDate deadline,
        String emergencyMeasures,
        String goalAndTasks,
        String materials,
        String organisation,
        String planDocument) {
}
