package io.licenseflow.optout.broadcast;

import java.util.UUID;

/** Which changes a subscriber wants: of one account, one subject (kind and id), one purpose; null matches any. */
public record SubscriptionFilter(UUID accountId, String kind, String subjectId, String purpose) {

    public boolean matches(BroadcastEvent e) {
        return (accountId == null || accountId.equals(e.accountId())) && (kind == null || kind.equals(e.kind()))
                && (subjectId == null || subjectId.equals(e.subjectId())) && (purpose == null || purpose.equals(e.purpose()));
    }
}
