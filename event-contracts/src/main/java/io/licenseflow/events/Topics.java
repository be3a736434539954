package io.licenseflow.events;

/**
 * Kafka topic names. Debezium's Outbox Event Router routes each outbox row to
 * {@code licenseflow.<aggregateType>.events}; see docs/events.md.
 */
public final class Topics {

    public static final String ACCOUNT_EVENTS = topicFor(AggregateTypes.ACCOUNT);

    public static String topicFor(String aggregateType) {
        return "licenseflow." + aggregateType + ".events";
    }

    private Topics() {
    }
}
