package io.hazardledger.contracts.hazard;

/** The level of government that lists a hazard for supervision (挂牌督办). */
public enum SupervisionLevel {
    COUNTY, // 县级
    CITY, // 市级
    PROVINCE // 省级
}
