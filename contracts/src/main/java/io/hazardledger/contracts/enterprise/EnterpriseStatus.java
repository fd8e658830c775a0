package io.hazardledger.contracts.enterprise;

/** Operating status of an enterprise in the supervision ledger. */
public enum EnterpriseStatus {
    ACTIVE,
    SUSPENDED, // 停产整顿
    CLOSED // 关闭取缔
}
