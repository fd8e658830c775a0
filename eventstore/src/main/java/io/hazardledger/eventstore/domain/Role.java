package io.hazardledger.eventstore.domain;

/** What a caller acts as; the groups of the security design. */
public enum Role {
    ENTERPRISE, // 企业用户: its own enterprise only
    INSPECTOR, // 执法检查人员: in its district
    REGULATOR, // 监管部门: in its district
    ANALYST, // 分析人员: reads statistics
    ADMIN, // 运维
    SYSTEM // a service acting on its own (deadlines, consequences of events)
}
