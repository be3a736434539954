package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code UsageRecorded} v1: usage accepted against a meter's quota for the period
 * [{@code periodStart}, {@code periodEnd}) ({@code periodEnd} null for the term of a perpetual license);
 * {@code overage} when it took the total beyond the quota (allowed and flagged by the type's policy).
 */
public record UsageRecorded(UUID usageId, UUID licenseId, UUID accountId, UUID activationId, String meter, long quantity,
        Instant periodStart, Instant periodEnd, long used, long quota, boolean overage, Instant recordedAt) {

    public static final String TYPE = "UsageRecorded";
    public static final int SCHEMA_VERSION = 1;
}
