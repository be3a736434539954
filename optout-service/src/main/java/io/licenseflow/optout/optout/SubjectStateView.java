package io.licenseflow.optout.optout;

import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.events.optout.SubjectOptOutState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subject's effective state for every purpose of its account: {@code basis} CHOICE (an explicit choice), GPC (a
 * Global Privacy Control signal, for sale-or-sharing where no explicit choice exists) or DEFAULT (its jurisdiction's
 * default). {@code version} 0: the subject never made a choice. For an account subject, {@code subjectDefaults} is
 * what a subject of the account without choices is opted out of.
 */
public record SubjectStateView(UUID accountId, OptOutSubject subject, long version, String jurisdiction, List<String> optedOut,
        List<PurposeState> purposes, List<String> subjectDefaults) {

    public record PurposeState(String purpose, String description, boolean optedOut, String basis, String source, String jurisdiction,
            Instant effectiveAt, Long version) {
    }

    public SubjectOptOutState event(Instant updatedAt) {
        return new SubjectOptOutState(accountId, subject, version, jurisdiction, optedOut,
                purposes.stream().map(p -> new SubjectOptOutState.PurposeState(p.purpose(), p.optedOut(), p.basis(), p.source(), p.effectiveAt())).toList(),
                subjectDefaults, updatedAt);
    }

    public PurposeState purpose(String name) {
        return purposes.stream().filter(p -> p.purpose().equals(name)).findFirst().orElseThrow();
    }
}
