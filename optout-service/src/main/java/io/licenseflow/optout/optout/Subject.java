package io.licenseflow.optout.optout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A subject that has made at least one choice. Its version grows with each change; its row lock orders them. */
@Entity
@Table(name = "optout_subject")
public class Subject extends PanacheEntityBase {

    @EmbeddedId
    public SubjectKey key;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
