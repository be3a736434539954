package io.licenseflow.entitlement.licensetype;

import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import java.time.Instant;
import java.util.UUID;

/** A license type version as the API shows it. */
public record LicenseTypeView(UUID id, String name, int version, LicenseTypeDefinition definition, Instant publishedAt,
        String publishedBy) {

    static LicenseTypeView of(LicenseTypeVersion version) {
        return new LicenseTypeView(version.licenseTypeId, version.name, version.version, version.definition(), version.publishedAt,
                version.publishedBy);
    }
}
