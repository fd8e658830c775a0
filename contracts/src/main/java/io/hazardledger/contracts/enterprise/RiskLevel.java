package io.hazardledger.contracts.enterprise;

/** Safety risk level of an enterprise (安全风险等级), the four colours of 红橙黄蓝 risk grading, highest first. */
public enum RiskLevel {
    RED, // 重大风险（红）
    ORANGE, // 较大风险（橙）
    YELLOW, // 一般风险（黄）
    BLUE // 低风险（蓝）
}
