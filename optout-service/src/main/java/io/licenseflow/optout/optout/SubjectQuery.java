package io.licenseflow.optout.optout;

import io.licenseflow.commons.http.CanonicalUuids;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.events.optout.OptOutSubject;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters naming a subject: {@code account}, {@code kind} and {@code subject} (omitted for an account). */
public class SubjectQuery {

    private static final Pattern SUBJECT_ID = Pattern.compile("[^\\p{Cntrl}]{1,255}");

    @RestQuery
    String account;

    @RestQuery
    String kind;

    @RestQuery
    String subject;

    public SubjectKey key() {
        UUID accountId = accountId(account);
        if (kind == null || !(kind.equals(OptOutSubject.USER) || kind.equals(OptOutSubject.MACHINE) || kind.equals(OptOutSubject.ACCOUNT))) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "kind", "must be user, machine or account");
        }
        return new SubjectKey(accountId, subject(accountId, kind, subject, "subject"));
    }

    public static UUID accountId(String text) {
        if (text == null) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "account", "the account's id is required");
        }
        try {
            return CanonicalUuids.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "account", "must be an account id (a UUID)");
        }
    }

    /** The subject, with an account subject's id defaulting to (and required to be) its account's id. */
    public static OptOutSubject subject(UUID accountId, String kind, String id, String field) {
        if (OptOutSubject.ACCOUNT.equals(kind)) {
            if (id != null && !id.equals(accountId.toString())) {
                throw new ProblemException(ProblemCode.VALIDATION_FAILED, field, "an account subject's id is its account's id");
            }
            return new OptOutSubject(kind, accountId.toString());
        }
        if (id == null || !SUBJECT_ID.matcher(id).matches() || id.isBlank()) {
            throw new ProblemException(ProblemCode.VALIDATION_FAILED, field, "must be 1 to 255 characters without control characters");
        }
        return new OptOutSubject(kind, id);
    }
}
