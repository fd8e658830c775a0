package io.hazardledger.contracts.enterprise;

/** The supervision category an enterprise is regulated under. */
public enum SupervisionCategory {
    HAZARDOUS_CHEMICALS_PRODUCTION, // 危险化学品生产
    HAZARDOUS_CHEMICALS_TRADE, // 危险化学品经营（储存）
    HAZARDOUS_CHEMICALS_USE, // 危险化学品使用
    INDUSTRY_AND_TRADE, // 工贸
    NON_COAL_MINE, // 非煤矿山
    CONSTRUCTION, // 建筑施工
    FIREWORKS, // 烟花爆竹
    OTHER
}
