package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload (v1) of the events that change a license's status or term: {@code LicenseSuspended},
 * {@code LicenseReinstated}, {@code LicenseRevoked}, {@code LicenseRenewed}, {@code LicenseCancelled} (a subscription
 * that will not renew), {@code LicenseExpired} and {@code LicenseRekeyed}. They share one shape: the license's status
 * and term after the change, who made it ({@code actor}: a user or client; {@code system} for scheduled changes) and
 * why ({@code reason}, free text, may be null).
 */
public record LicenseChanged(UUID licenseId, UUID accountId, LicenseStatus status, Instant expiresAt, Instant previousExpiresAt,
        String keyPrefix, String actor, String reason, Instant at) {

    public static final int SCHEMA_VERSION = 1;

    public static final String SUSPENDED = "LicenseSuspended";
    public static final String REINSTATED = "LicenseReinstated";
    public static final String REVOKED = "LicenseRevoked";
    public static final String RENEWED = "LicenseRenewed";
    public static final String CANCELLED = "LicenseCancelled";
    public static final String EXPIRED = "LicenseExpired";
    public static final String REKEYED = "LicenseRekeyed";
    public static final java.util.List<String> TYPES = java.util.List.of(SUSPENDED, REINSTATED, REVOKED, RENEWED, CANCELLED, EXPIRED, REKEYED);
}
