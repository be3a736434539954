package io.licenseflow.events;

/**
 * Kafka topic names. Debezium's Outbox Event Router routes each outbox row to
 * {@code licenseflow.<aggregateType>.events}; see docs/events.md.
 */
public final class Topics {

    public static final String ACCOUNT_EVENTS = topicFor(AggregateTypes.ACCOUNT);
    public static final String LICENSE_TYPE_EVENTS = topicFor(AggregateTypes.LICENSE_TYPE);
    public static final String LICENSE_EVENTS = topicFor(AggregateTypes.LICENSE);
    public static final String LICENSE_KEY_EVENTS = topicFor(AggregateTypes.LICENSE_KEY);
    public static final String ONBOARDING_EVENTS = topicFor(AggregateTypes.ONBOARDING);
    public static final String OPTOUT_EVENTS = topicFor(AggregateTypes.OPTOUT);
    /** Compacted: the last record of each key (subject) is its current state. */
    public static final String OPTOUT_STATE_EVENTS = topicFor(AggregateTypes.OPTOUT_STATE);

    public static final String NOTICE_EVENTS = topicFor(AggregateTypes.NOTICE);
    public static final String CRM_DEAD_LETTER_EVENTS = topicFor(AggregateTypes.CRM_DEAD_LETTER);

    public static String topicFor(String aggregateType) {
        return "licenseflow." + aggregateType + ".events";
    }

    private Topics() {
    }
}
