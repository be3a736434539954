package io.licenseflow.notification.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The contact of an account that license notices are sent to; learnt from AccountCreated. */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    /** The account id. */
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    /** The account's language tag (AccountCreated.locale), e.g. "de-AT": notices are written in its language. */
    @Column(nullable = false)
    public String locale;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
