package io.hazardledger.contracts.enterprise;

/** Work-safety standardisation grade (安全生产标准化等级) an enterprise has been certified at. */
public enum StandardisationGrade {
    GRADE_1, // 一级
    GRADE_2, // 二级
    GRADE_3, // 三级
    NONE // 未达标
}
