package io.licenseflow.optout.optout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A subject's current choice for one purpose: explicit (source api, portal, admin, import) or a GPC signal. */
@Entity
@Table(name = "optout_choice")
public class Choice extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "opted_out", nullable = false)
    public boolean optedOut;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    /** The subject's version when this choice was recorded. */
    @Column(nullable = false)
    public long version;

    public boolean isGpcSignal() {
        return Sources.GPC.equals(source);
    }

    @Embeddable
    public static class Key implements Serializable {

        @Embedded
        public SubjectKey subject;

        public String purpose;

        public Key() {
        }

        public Key(SubjectKey subject, String purpose) {
            this.subject = subject;
            this.purpose = purpose;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(subject, k.subject) && Objects.equals(purpose, k.purpose);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subject, purpose);
        }
    }
}
