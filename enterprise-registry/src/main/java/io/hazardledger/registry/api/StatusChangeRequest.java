package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.EnterpriseStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A regulator's change of an enterprise's operating status.
 *
 * @param status ACTIVE, SUSPENDED (停产整顿) or CLOSED (关闭取缔)
 * @param reason why, e.g. the decision's number
 */
public record StatusChangeRequest(@NotNull EnterpriseStatus status, @NotBlank @Size(max = 500) String reason) {
}
