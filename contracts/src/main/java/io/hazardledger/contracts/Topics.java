package io.hazardledger.contracts;

/** Kafka topic names of the published language. Every topic is keyed by aggregate id. */
public final class Topics {
    public static final String ENTERPRISE_EVENTS = "enterprise-events";
    public static final String INSPECTION_EVENTS = "inspection-events";
    public static final String HAZARD_EVENTS = "hazard-events";
    /** Reporting's own facts: quarterly tables produced and signed off. */
    public static final String REPORT_EVENTS = "report-events";

    private Topics() {
    }

    /** The sequenced dead-letter topic that holds poison events of {@code topic}. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
