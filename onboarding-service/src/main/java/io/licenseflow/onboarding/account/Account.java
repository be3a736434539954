package io.licenseflow.onboarding.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer account of a software vendor. Its onboarding is an Onboarding of its own. */
@Entity
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    /** BCP 47 language of the account's notices. */
    @Column(nullable = false)
    public String locale;

    @Column(name = "onboarding_id")
    public UUID onboardingId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
