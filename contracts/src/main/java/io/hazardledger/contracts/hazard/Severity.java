package io.hazardledger.contracts.hazard;

/** Hazard grade under 16号令. */
public enum Severity {
    GENERAL, // 一般隐患
    MAJOR // 重大隐患
}
