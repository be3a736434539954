package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code LicenseExpiring} v1: the license will expire at {@code expiresAt} and nothing will renew it;
 * announced once per term, a configurable time before.
 */
public record LicenseExpiring(UUID licenseId, UUID accountId, String licenseType, Instant expiresAt, Instant announcedAt) {

    public static final String TYPE = "LicenseExpiring";
    public static final int SCHEMA_VERSION = 1;
}
