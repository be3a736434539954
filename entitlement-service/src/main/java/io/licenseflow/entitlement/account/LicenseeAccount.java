package io.licenseflow.entitlement.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account that licenses can be issued to; entitlement-service learns of it from AccountCreated. */
@Entity
@Table(name = "licensee_account")
public class LicenseeAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "onboarded_at", nullable = false)
    public Instant onboardedAt;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
