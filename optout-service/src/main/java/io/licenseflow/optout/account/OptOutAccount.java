package io.licenseflow.optout.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account whose users' opt-outs this service keeps; learnt from AccountCreated. */
@Entity
@Table(name = "optout_account")
public class OptOutAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** A Global Privacy Control signal counts as an opt-out of sale/sharing (CCPA §7025) unless changed. */
    @Column(name = "honours_gpc", nullable = false)
    public boolean honoursGpc = true;

    /** Where the account's subjects are by default, for the defaults of their purposes (docs/optout.md#defaults). */
    @Column(nullable = false)
    public String jurisdiction;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
