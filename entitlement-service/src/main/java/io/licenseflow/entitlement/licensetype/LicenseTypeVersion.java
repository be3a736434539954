package io.licenseflow.entitlement.licensetype;

import io.licenseflow.events.EventJson;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published version of a license type: immutable once written. */
@Entity
@Table(name = "license_type_version")
public class LicenseTypeVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "license_type_id", nullable = false)
    public UUID licenseTypeId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int version;

    /** The normalised definition as JSON (see LicenseTypeRules). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String definition;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    /** Rows are listed in version order; paging needs a creation time, which is the publication time. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public LicenseTypeDefinition definition() {
        try {
            return EventJson.MAPPER.readValue(definition, LicenseTypeDefinition.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored license type definition is unreadable: " + name + " v" + version, e);
        }
    }
}
