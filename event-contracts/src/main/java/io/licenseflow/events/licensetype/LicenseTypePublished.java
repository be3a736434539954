package io.licenseflow.events.licensetype;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code LicenseTypePublished} v1 (schema {@code schemas/license-type-published.v1.json}): a license type's
 * new version, the first one included. Licenses issued from now on get this version.
 */
public record LicenseTypePublished(UUID licenseTypeId, String name, int version, LicenseTypeDefinition definition,
        Instant publishedAt, String publishedBy) {

    public static final String TYPE = "LicenseTypePublished";
    public static final int SCHEMA_VERSION = 1;
}
