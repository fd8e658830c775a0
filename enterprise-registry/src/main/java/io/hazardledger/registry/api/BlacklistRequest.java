package io.hazardledger.registry.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Puts an enterprise on the blacklist (失信黑名单) or takes it off.
 *
 * @param blacklisted true to put it on, false to take it off
 * @param reason      why, e.g. the decision's number
 */
public record BlacklistRequest(@NotNull Boolean blacklisted, @NotBlank @Size(max = 500) String reason) {
}
