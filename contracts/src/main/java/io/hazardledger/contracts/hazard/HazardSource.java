package io.hazardledger.contracts.hazard;

/** How a hazard came to light. */
public enum HazardSource {
    SELF_CHECK, // 自查
    INSPECTION, // 执法检查
    SHIFT_SHADOWING, // 跟班
    EXPERT_CHECKUP, // 专家会诊
    UNANNOUNCED, // 暗查暗访
    EMPLOYEE_REPORT, // 内部报告
    PUBLIC_REPORT // 举报
}
