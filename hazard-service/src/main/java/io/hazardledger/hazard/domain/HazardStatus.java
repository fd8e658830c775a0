package io.hazardledger.hazard.domain;

/** The states of a hazard's life, from registration to closure (销号). */
public enum HazardStatus {
    REPORTED, // 已登记
    RECTIFYING, // 整改中
    AWAITING_VERIFICATION, // 待验收
    VERIFIED, // 已验收 (major hazards only)
    CLOSED, // 已销号
    VOIDED // 已撤销
}
