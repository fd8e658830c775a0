package io.hazardledger.contracts.hazard;

/** What kind of danger a hazard is. */
public enum HazardCategory {
    ELECTRICAL, // 电气
    FIRE, // 消防
    HAZARDOUS_CHEMICAL_STORAGE, // 危化品储存
    DUST_EXPLOSION, // 粉尘涉爆
    CONFINED_SPACE, // 有限空间
    WORK_AT_HEIGHT, // 高处作业
    SPECIAL_EQUIPMENT, // 特种设备
    PROCESS_SAFETY, // 工艺安全
    MANAGEMENT_SYSTEM, // 安全管理制度
    OTHER
}
