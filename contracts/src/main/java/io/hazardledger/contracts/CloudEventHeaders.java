package io.hazardledger.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attribute names as Kafka headers. Extension attribute
 * names follow the spec (lower-case letters and digits only).
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_CONTENT_TYPE = "content-type";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    public static final String AGGREGATE_VERSION = "ce_aggregateversion";
    public static final String DISTRICT_CODE = "ce_districtcode";
    public static final String ENTERPRISE_ID = "ce_enterpriseid";

    public static final String SPEC_VERSION_VALUE = "1.0";
    /** Prefix of every {@code ce_type}: {@code io.hazardledger.HazardFound}. */
    public static final String TYPE_PREFIX = "io.hazardledger.";

    private CloudEventHeaders() {
    }

    public static String ceType(String eventType) {
        return TYPE_PREFIX + eventType;
    }

    /** {@code ce_source} of a service: a URI reference naming the producing service. */
    public static String ceSource(String service) {
        return "/" + service;
    }
}
