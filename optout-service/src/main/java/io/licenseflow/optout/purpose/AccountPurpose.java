package io.licenseflow.optout.purpose;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A purpose an account added to the built-in ones. */
@Entity
@Table(name = "account_purpose")
public class AccountPurpose extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String description;

    @Column(name = "opted_out_by_default", nullable = false)
    public boolean optedOutByDefault;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public Purpose purpose() {
        return new Purpose(key.name, description, false, optedOutByDefault);
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "account_id")
        public UUID accountId;

        public String name;

        public Key() {
        }

        public Key(UUID accountId, String name) {
            this.accountId = accountId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, name);
        }
    }
}
