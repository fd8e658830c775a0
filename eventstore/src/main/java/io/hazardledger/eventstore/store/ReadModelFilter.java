package io.hazardledger.eventstore.store;

import io.hazardledger.eventstore.domain.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HQL conditions of a list query and their parameters, built from optional filters (the root is {@code r}). */
public final class ReadModelFilter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code condition} with its parameter {@code name} when a value is given; null means "any". */
    public ReadModelFilter when(Object value, String condition, String name) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /**
     * Limits the list to what {@code caller} may see (DESIGN §7): an enterprise user its own enterprise, a
     * district-scoped caller its district, so neither rows nor totals tell of anything else.
     */
    public ReadModelFilter within(Caller caller, String districtField, String enterpriseField) {
        switch (caller.role()) {
            case SYSTEM, ADMIN -> {
                return this;
            }
            case ENTERPRISE -> {
                conditions.add(enterpriseField + " = :scopeEnterprise");
                parameters.put("scopeEnterprise", caller.enterpriseId());
            }
            default -> {
                if (caller.districtCode() != null) {
                    conditions.add(districtField + " = :scopeDistrict");
                    parameters.put("scopeDistrict", caller.districtCode());
                }
            }
        }
        return this;
    }

    /** Adds a condition that always applies. */
    public ReadModelFilter always(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Sets a parameter used by a condition added with {@link #always}. */
    public ReadModelFilter parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
