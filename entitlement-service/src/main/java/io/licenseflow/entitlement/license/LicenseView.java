package io.licenseflow.entitlement.license;

import io.licenseflow.events.license.LicenseStatus;
import java.time.Instant;
import java.util.UUID;

/** A license as the API shows it: never its key; {@code keyPrefix} identifies it, {@code keyRevealed} says whether the one-time reveal was used. */
public record LicenseView(UUID id, UUID accountId, UUID onboardingId, String licenseType, int licenseTypeVersion, LicenseStatus status,
        String statusReason, Seats seats, Instant startsAt, Instant expiresAt, String gracePeriod, String expirationBehaviour,
        boolean renewsAutomatically, boolean cancelAtPeriodEnd, String keyPrefix, boolean keyRevealed, Instant firstActivatedAt,
        Instant firstUsageAt, Instant createdAt, Instant updatedAt) {

    public record Seats(String model, int limit, int used, String heartbeatTtl) {
    }

    public static LicenseView of(License l) {
        return new LicenseView(l.id, l.accountId, l.onboardingId, l.licenseTypeName, l.licenseTypeVersion, l.status, l.statusReason,
                new Seats(l.seatModel.name(), l.seatLimit, l.seatsUsed, l.heartbeatTtl), l.startsAt, l.expiresAt, l.gracePeriod, l.expirationBehaviour.name(),
                l.renewsAutomatically(), l.cancelAtPeriodEnd, l.keyPrefix, l.keySealed == null, l.firstActivatedAt, l.firstUsageAt,
                l.createdAt, l.updatedAt);
    }
}
