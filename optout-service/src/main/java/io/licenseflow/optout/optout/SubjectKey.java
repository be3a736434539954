package io.licenseflow.optout.optout;

import io.licenseflow.events.optout.OptOutSubject;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A subject within its account: the key of its row and of its Kafka records. */
@Embeddable
public class SubjectKey implements Serializable, Comparable<SubjectKey> {

    @Column(name = "account_id")
    public UUID accountId;

    public String kind;

    @Column(name = "subject_id")
    public String subjectId;

    public SubjectKey() {
    }

    public SubjectKey(UUID accountId, OptOutSubject subject) {
        this.accountId = accountId;
        this.kind = subject.kind();
        this.subjectId = subject.id();
    }

    public OptOutSubject subject() {
        return new OptOutSubject(kind, subjectId);
    }

    /** {@code <accountId>:<kind>:<id>}, the Kafka key. */
    public String text() {
        return OptOutSubject.key(accountId, kind, subjectId);
    }

    @Override
    public int compareTo(SubjectKey o) {
        return text().compareTo(o.text());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectKey k && Objects.equals(accountId, k.accountId) && Objects.equals(kind, k.kind)
                && Objects.equals(subjectId, k.subjectId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, kind, subjectId);
    }

    @Override
    public String toString() {
        return text();
    }
}
