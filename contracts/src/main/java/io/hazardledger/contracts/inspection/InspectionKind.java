package io.hazardledger.contracts.inspection;

/** Kinds of inspection the bureaus and enterprises carry out. */
public enum InspectionKind {
    ENFORCEMENT, // 执法检查
    SPECIAL_CAMPAIGN, // 专项检查
    SHIFT_SHADOWING, // 跟班
    EXPERT_CHECKUP, // 专家体检
    UNANNOUNCED, // 明查暗访
    SELF_INSPECTION // 企业自查
}
