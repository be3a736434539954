package io.licenseflow.entitlement.usage;

import java.time.Instant;
import java.util.UUID;

/** An accepted usage and the meter's standing after it. {@code overage}: beyond the quota, accepted and flagged by the type's policy. */
public record UsageView(UUID id, UUID licenseId, UUID activationId, String meter, long quantity, Period period, long used, long quota,
        long remaining, boolean overage, Instant recordedAt) {

    public record Period(Instant start, Instant end) {
    }

    static UsageView of(UsageRecord r) {
        return new UsageView(r.id, r.licenseId, r.activationId, r.meter, r.quantity, new Period(r.periodStart, r.periodEnd), r.used, r.quota,
                Math.max(0, r.quota - r.used), r.overage, r.recordedAt);
    }
}
