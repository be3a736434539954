package io.licenseflow.entitlement.validation;

import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.verifier.Expiry;
import io.licenseflow.verifier.MeterQuota;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything validation needs of one license, as of one consistent read of the database: immutable, so that the view
 * swaps whole snapshots and a validation never sees half a change.
 *
 * @param keyHash the HMAC of its key, by which validation finds it
 * @param entitlements the type version's feature codes
 * @param meters the type version's meters by name
 * @param liveMachines fingerprint → activation id of the machines holding a seat
 * @param reclaimedMachines fingerprints whose last activation was reclaimed for missing heartbeats (and not re-activated)
 * @param usage the latest usage counter of each meter
 */
public record LicenseSnapshot(
        UUID licenseId,
        UUID accountId,
        String keyHash,
        LicenseStatus status,
        String type,
        int typeVersion,
        List<String> entitlements,
        Map<String, MeterQuota> meters,
        Expiry expiry,
        Instant startsAt,
        String termPeriod,
        String seatModel,
        int seatLimit,
        int seatsUsed,
        Map<String, UUID> liveMachines,
        Set<String> reclaimedMachines,
        Map<String, UsageCounter> usage) {

    /** What a meter counted in the period starting at {@code periodStart}. */
    public record UsageCounter(Instant periodStart, long used) {
    }
}
