package io.licenseflow.optout.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/** A compliance log entry as the API and exports show it, with its place in the hash chain. */
@JsonPropertyOrder({"seq", "recordedAt", "action", "accountId", "kind", "subjectId", "purpose", "optedOut", "previous", "source",
        "jurisdiction", "subjectVersion", "actor", "client", "requestId", "detail", "prevHash", "hash"})
public record LogEntryView(long seq, Instant recordedAt, String action, UUID accountId, String kind, String subjectId, String purpose,
        Boolean optedOut, String previous, String source, String jurisdiction, Long subjectVersion, String actor, String client,
        String requestId, String detail, String prevHash, String hash) {

    public static LogEntryView of(ComplianceEntry e) {
        return new LogEntryView(e.seq, e.recordedAt, e.action, e.accountId, e.kind, e.subjectId, e.purpose, e.optedOut, e.previous,
                e.source, e.jurisdiction, e.subjectVersion, e.actor, e.client, e.requestId, e.detail, e.prevHash, e.hash);
    }
}
