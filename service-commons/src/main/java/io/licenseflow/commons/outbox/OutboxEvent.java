package io.licenseflow.commons.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row per event, written in the same transaction as the state change it reports. Debezium's Outbox
 * Event Router reads the inserts from the write-ahead log and publishes them; the column names are the
 * router's defaults plus the CloudEvents attributes it copies into headers (see docs/events.md).
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "aggregatetype", nullable = false)
    public String aggregateType;

    @Column(name = "aggregateid", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(name = "schemaversion", nullable = false)
    public int schemaVersion;

    @Column(nullable = false)
    public String source;

    @Column(name = "specversion", nullable = false)
    public String specVersion;

    /** ISO-8601 text, so the ce_time header carries exactly this string. */
    @Column(name = "occurredat", nullable = false)
    public String occurredAt;

    /** The whole event envelope; the router expands it into the Kafka record value. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "createdat", nullable = false)
    public Instant createdAt;
}
