package io.licenseflow.events.optout;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code OptOutChanged} v1: a subject's choice for one purpose was recorded. {@code optedOut} is the new
 * effective state, {@code previouslyOptedOut} the effective state before (from a choice, a GPC signal or the default);
 * {@code subjectVersion} grows with every change of the subject; {@code logSequence} is the change's entry in the
 * compliance log.
 */
public record OptOutChanged(UUID accountId, OptOutSubject subject, String purpose, boolean optedOut,
        boolean previouslyOptedOut, String previousBasis, String source, String jurisdiction, Instant effectiveAt,
        long subjectVersion, long logSequence) {

    public static final String TYPE = "OptOutChanged";
    public static final int SCHEMA_VERSION = 1;
}
