package io.licenseflow.onboarding.offer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A license type as onboarding-service knows it from LicenseTypePublished: enough to check what an account asks for. */
@Entity
@Table(name = "offered_license_type")
public class OfferedLicenseType extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "license_type_id", nullable = false)
    public UUID licenseTypeId;

    @Column(nullable = false)
    public int version;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "seat_limit", nullable = false)
    public int seatLimit;

    /** Null when the seat count is fixed at {@link #seatLimit}. */
    @Column(name = "seat_max_limit")
    public Integer seatMaxLimit;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Null when a purchaser may have {@code seats} (null meaning the type's default); otherwise why not. */
    public String seatsProblem(Integer seats) {
        if (seats == null) {
            return null;
        }
        if (seatMaxLimit == null) {
            return seats == seatLimit ? null : "must be " + seatLimit + " for license type " + name + " (its seat count is fixed)";
        }
        return seats >= 1 && seats <= seatMaxLimit ? null : "must be from 1 to " + seatMaxLimit + " for license type " + name;
    }
}
