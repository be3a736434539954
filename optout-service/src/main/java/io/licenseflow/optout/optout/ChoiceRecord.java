package io.licenseflow.optout.optout;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/** One subject's choice for one purpose, as exports show it. */
@JsonPropertyOrder({"accountId", "kind", "subjectId", "purpose", "optedOut", "source", "jurisdiction", "effectiveAt", "version"})
public record ChoiceRecord(UUID accountId, String kind, String subjectId, String purpose, boolean optedOut, String source,
        String jurisdiction, Instant effectiveAt, long version) {

    static ChoiceRecord of(Choice c) {
        return new ChoiceRecord(c.key.subject.accountId, c.key.subject.kind, c.key.subject.subjectId, c.key.purpose, c.optedOut, c.source,
                c.jurisdiction, c.effectiveAt, c.version);
    }
}
