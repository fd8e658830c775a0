package io.hazardledger.contracts.inspection;

/** Administrative enforcement measures a bureau takes on an inspection; FINE and CONFISCATION carry an amount. */
public enum EnforcementKind {
    WARNING, // 警告
    FINE, // 罚款
    CONFISCATION, // 没收违法所得
    SUSPENSION_ORDER, // 停产停业整顿
    ON_SITE_ORDER, // 现场处理措施决定书
    INTERVIEW, // 约谈
    CASE_FILED; // 立案

    /** Whether the measure is an amount of money, in yuan. */
    public boolean hasAmount() {
        return this == FINE || this == CONFISCATION;
    }
}
