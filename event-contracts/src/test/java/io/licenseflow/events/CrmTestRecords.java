package io.licenseflow.events;

import io.licenseflow.events.crm.CrmAccountRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** CRM account records as notification-service fills them: a full one, and one of an account known by its license alone. */
final class CrmTestRecords {

    private CrmTestRecords() {
    }

    static CrmAccountRecord full(UUID id, Instant at) {
        return new CrmAccountRecord(id, "Acme", "ops@acme.example.com", "de-AT",
                new CrmAccountRecord.Onboarding(id, "completed", "COMPLETED", null, at),
                List.of(new CrmAccountRecord.License(id, "team-annual", "Team (annual)", "ACTIVE", at, at, 10, 3, "LF-7Q2M"),
                        new CrmAccountRecord.License(UUID.randomUUID(), "perpetual", "perpetual", "REVOKED", at, null, 1, 0, "LF-0000")), at);
    }

    static CrmAccountRecord bare(UUID id, Instant at) {
        return new CrmAccountRecord(id, null, null, null, null, List.of(), at);
    }
}
