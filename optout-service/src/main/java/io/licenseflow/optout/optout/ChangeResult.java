package io.licenseflow.optout.optout;

import io.licenseflow.events.optout.OptOutSubject;
import java.util.UUID;

/**
 * What one change did: {@code changed} false when the subject's choice already was this one (nothing recorded);
 * {@code logSequence} is the compliance log entry that records it.
 */
public record ChangeResult(int index, UUID accountId, OptOutSubject subject, String purpose, boolean optedOut, boolean changed,
        long subjectVersion, Long logSequence) {
}
