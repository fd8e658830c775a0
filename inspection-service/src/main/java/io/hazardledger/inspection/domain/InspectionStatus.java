package io.hazardledger.inspection.domain;

/** Where an inspection stands. */
public enum InspectionStatus {
    PLANNED, // 已计划
    IN_PROGRESS, // 检查中
    COMPLETED, // 已完成
    CANCELLED // 已取消
}
