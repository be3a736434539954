package io.licenseflow.optout.broadcast;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.optout.identity.OptOutCaller;
import io.licenseflow.optout.optout.SubjectQuery;
import io.quarkus.security.ForbiddenException;
import java.util.UUID;

/** Which changes a subscriber wants: of one account, one subject (kind and id), one purpose; null matches any. */
public record SubscriptionFilter(UUID accountId, String kind, String subjectId, String purpose) {

    public boolean matches(BroadcastEvent e) {
        return (accountId == null || accountId.equals(e.accountId())) && (kind == null || kind.equals(e.kind()))
                && (subjectId == null || subjectId.equals(e.subjectId())) && (purpose == null || purpose.equals(e.purpose()));
    }

    /**
     * The filter a caller asked for, refused (400) when malformed and (403) when it reaches beyond what the caller may
     * read: customers must name their account, end users their own subject.
     */
    public static SubscriptionFilter permitted(OptOutCaller caller, String account, String kind, String subject, String purpose) {
        UUID accountId = account == null ? null : SubjectQuery.accountId(account);
        if (kind != null && !(kind.equals(OptOutSubject.USER) || kind.equals(OptOutSubject.MACHINE) || kind.equals(OptOutSubject.ACCOUNT))) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "kind", "must be user, machine or account");
        }
        if (subject != null && kind == null) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "kind", "a subject needs its kind");
        }
        if (caller.isEndUser()) {
            var own = caller.ownSubject();
            if (own == null || !own.accountId().equals(accountId) || !OptOutSubject.USER.equals(kind) || !own.subject().id().equals(subject)) {
                throw new ForbiddenException("an end user may follow only their own subject");
            }
        } else if (!caller.isVendorWide()) {
            if (accountId == null) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "account", "the account's id is required");
            }
            caller.checkCanReadAccount(accountId);
        }
        return new SubscriptionFilter(accountId, kind, subject, purpose);
    }
}
