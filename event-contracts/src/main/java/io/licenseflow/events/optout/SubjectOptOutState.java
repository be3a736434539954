package io.licenseflow.events.optout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code SubjectOptOutState} v1, the last record of each subject on the compacted
 * {@code licenseflow.optout-state.events}: the subject's effective state for every purpose of its account.
 * {@code optedOut} lists the purposes it opted out of (by choice, GPC signal or default), sorted. For an
 * {@code account} subject, {@code subjectDefaults} lists what a subject of the account without any choice is opted
 * out of (its jurisdiction's defaults); null for other subjects.
 */
public record SubjectOptOutState(UUID accountId, OptOutSubject subject, long version, String jurisdiction,
        List<String> optedOut, List<PurposeState> purposes, List<String> subjectDefaults, Instant updatedAt) {

    public static final String TYPE = "SubjectOptOutState";
    public static final int SCHEMA_VERSION = 1;

    /** {@code basis}: CHOICE (an explicit choice), GPC (a Global Privacy Control signal) or DEFAULT. */
    public record PurposeState(String purpose, boolean optedOut, String basis, String source, Instant effectiveAt) {
    }
}
