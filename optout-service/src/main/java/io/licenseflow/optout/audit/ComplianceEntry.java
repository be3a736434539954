package io.licenseflow.optout.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the compliance log: who did what to whose choice, when, through which source and client, under which
 * request, and what the state was before. Append-only (the service's database role may only insert and read; a
 * trigger refuses updates and deletes from anyone); {@link ChainHash} links each entry to the one before.
 */
@Entity
@Table(name = "compliance_log")
public class ComplianceEntry extends PanacheEntityBase {

    /** A subject's choice for a purpose was recorded. */
    public static final String CHOICE_RECORDED = "CHOICE_RECORDED";
    /** A GPC signal arrived for a subject whose explicit choice it may not override. */
    public static final String GPC_NOT_APPLIED = "GPC_NOT_APPLIED";
    /** A product reported data for a purpose its subject opted out of, and it was caught (refused or anonymised). */
    public static final String VIOLATION_CAUGHT = "VIOLATION_CAUGHT";

    @Id
    public long seq;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String action;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    public String kind;

    @Column(name = "subject_id")
    public String subjectId;

    public String purpose;

    @Column(name = "opted_out")
    public Boolean optedOut;

    /** The effective state before: {@code opted-out} or {@code not-opted-out}, and its basis. */
    public String previous;

    public String source;

    public String jurisdiction;

    @Column(name = "subject_version")
    public Long subjectVersion;

    @Column(nullable = false)
    public String actor;

    public String client;

    @Column(name = "request_id")
    public String requestId;

    public String detail;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
