package io.licenseflow.events.licensekey;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code LicenseKeyIssued} v1, on its own topic (licenseflow.license-key.events) so that access to it can
 * be restricted: a license key handed to {@code recipient} (notification-service) encrypted for it alone:
 * {@code encryptedKey} is a compact JWE (alg ECDH-ES+A256KW, enc A256GCM) under the recipient's public key
 * ({@code kid} in its header). {@code reason} ISSUED or REKEYED.
 */
public record LicenseKeyIssued(UUID licenseId, UUID accountId, String recipient, String encryptedKey, String keyPrefix,
        String reason, Instant issuedAt) {

    public static final String TYPE = "LicenseKeyIssued";
    public static final int SCHEMA_VERSION = 1;
}
