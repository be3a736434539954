package io.licenseflow.notification.license;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The name customers read for a license type: its latest version's display name (LicenseTypePublished). */
@Entity
@Table(name = "license_type_name")
public class LicenseTypeName extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public int version;
}
