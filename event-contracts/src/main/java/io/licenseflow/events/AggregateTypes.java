package io.licenseflow.events;

/** Aggregate types, one topic each. */
public final class AggregateTypes {

    public static final String ACCOUNT = "account";

    private AggregateTypes() {
    }
}
