package io.hazardledger.contracts.inspection;

/**
 * The checklists a special campaign (专项检查) inspects against; each names a small set of items, and a finding of
 * such a campaign may name the item it breaches.
 */
public enum Checklist {
    ELECTRIC_GAS_WELDING, // 电气焊
    CONFINED_SPACE, // 有限空间
    DUST_EXPLOSION, // 粉尘涉爆
    WORK_AT_HEIGHT, // 高坠
    OUTSOURCED_CONSTRUCTION // 外包施工
}
