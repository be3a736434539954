package io.licenseflow.entitlement.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.licenseflow.entitlement.usage.MeterQuotas;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.LicenseDuration;
import io.licenseflow.verifier.Expiry;
import io.licenseflow.verifier.MeterQuota;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads license snapshots from the database: all of them (the view's rebuild at start) or one (after a change), each
 * read in one REPEATABLE READ transaction, so that a snapshot's license, machines and usage belong to one moment.
 * Plain SQL on the reactive pool: four set-wise queries instead of one entity graph per license.
 */
@ApplicationScoped
public class LicenseSnapshots {

    private static final String LICENSES = """
            SELECT l.id, l.account_id, l.key_hash, l.status, l.license_type_name, l.license_type_version, l.expires_at, l.grace_period,
                   l.expiration_behaviour, l.duration_kind, l.cancel_at_period_end, l.starts_at, l.term_period, l.seat_model, l.seat_limit,
                   l.seats_used, v.definition::text AS definition
            FROM license l JOIN license_type_version v ON v.license_type_id = l.license_type_id AND v.version = l.license_type_version""";
    private static final String LIVE_MACHINES = "SELECT license_id, fingerprint, id FROM activation WHERE status = 'ACTIVE'";
    private static final String LAST_ENDED_MACHINES = """
            SELECT DISTINCT ON (license_id, fingerprint) license_id, fingerprint, deactivation_reason
            FROM activation WHERE status <> 'ACTIVE'%s ORDER BY license_id, fingerprint, deactivated_at DESC""";
    private static final String LATEST_COUNTERS = """
            SELECT DISTINCT ON (license_id, meter) license_id, meter, period_start, used
            FROM usage_counter%s ORDER BY license_id, meter, period_start DESC""";

    private final Pool pool;

    public LicenseSnapshots(Pool pool) {
        this.pool = pool;
    }

    /** Every license. */
    public Uni<List<LicenseSnapshot>> all() {
        return read(null);
    }

    /** One license, or null when there is none with this id. */
    public Uni<LicenseSnapshot> one(UUID licenseId) {
        return read(licenseId).map(found -> found.isEmpty() ? null : found.get(0));
    }

    private Uni<List<LicenseSnapshot>> read(UUID licenseId) {
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute()
                .chain(() -> query(connection, LICENSES + (licenseId == null ? "" : " WHERE l.id = $1"), licenseId))
                .chain(licenses -> query(connection, LIVE_MACHINES + (licenseId == null ? "" : " AND license_id = $1"), licenseId)
                        .chain(live -> query(connection, LAST_ENDED_MACHINES.formatted(licenseId == null ? "" : " AND license_id = $1"), licenseId)
                                .chain(ended -> query(connection, LATEST_COUNTERS.formatted(licenseId == null ? "" : " WHERE license_id = $1"), licenseId)
                                        .map(counters -> assemble(licenses, live, ended, counters))))));
    }

    private static Uni<RowSet<Row>> query(SqlConnection connection, String sql, UUID licenseId) {
        return licenseId == null ? connection.query(sql).execute() : connection.preparedQuery(sql).execute(Tuple.of(licenseId));
    }

    private static List<LicenseSnapshot> assemble(RowSet<Row> licenses, RowSet<Row> live, RowSet<Row> ended, RowSet<Row> counters) {
        Map<UUID, Map<String, UUID>> liveByLicense = new HashMap<>();
        for (Row row : live) {
            liveByLicense.computeIfAbsent(row.getUUID("license_id"), id -> new TreeMap<>()).put(row.getString("fingerprint"), row.getUUID("id"));
        }
        Map<UUID, Set<String>> reclaimedByLicense = new HashMap<>();
        for (Row row : ended) {
            UUID license = row.getUUID("license_id");
            String fingerprint = row.getString("fingerprint");
            boolean liveAgain = liveByLicense.getOrDefault(license, Map.of()).containsKey(fingerprint);
            if ("HEARTBEAT_DEAD".equals(row.getString("deactivation_reason")) && !liveAgain) {
                reclaimedByLicense.computeIfAbsent(license, id -> new HashSet<>()).add(fingerprint);
            }
        }
        Map<UUID, Map<String, LicenseSnapshot.UsageCounter>> usageByLicense = new HashMap<>();
        for (Row row : counters) {
            usageByLicense.computeIfAbsent(row.getUUID("license_id"), id -> new TreeMap<>())
                    .put(row.getString("meter"), new LicenseSnapshot.UsageCounter(instant(row, "period_start"), row.getLong("used")));
        }
        Map<String, LicenseTypeDefinition> definitions = new HashMap<>();
        List<LicenseSnapshot> snapshots = new ArrayList<>();
        for (Row row : licenses) {
            UUID id = row.getUUID("id");
            LicenseTypeDefinition type = definitions.computeIfAbsent(row.getString("definition"), LicenseSnapshots::definition);
            Map<String, MeterQuota> meters = new TreeMap<>();
            if (type.usageRules() != null) {
                type.usageRules().forEach(rule -> meters.put(rule.meter(), MeterQuotas.of(rule)));
            }
            boolean renews = LicenseDuration.Kind.SUBSCRIPTION.name().equals(row.getString("duration_kind")) && !row.getBoolean("cancel_at_period_end");
            snapshots.add(new LicenseSnapshot(id, row.getUUID("account_id"), row.getString("key_hash"), LicenseStatus.valueOf(row.getString("status")),
                    row.getString("license_type_name"), row.getInteger("license_type_version"),
                    type.entitlements() == null ? List.of() : type.entitlements().stream().sorted().toList(), Map.copyOf(meters),
                    new Expiry(instant(row, "expires_at"), row.getString("grace_period"), "MAINTAIN_ACCESS".equals(row.getString("expiration_behaviour")), renews),
                    instant(row, "starts_at"), row.getString("term_period"), row.getString("seat_model"), row.getInteger("seat_limit"),
                    row.getInteger("seats_used"), Map.copyOf(liveByLicense.getOrDefault(id, Map.of())),
                    Set.copyOf(reclaimedByLicense.getOrDefault(id, Set.of())), Map.copyOf(usageByLicense.getOrDefault(id, Map.of()))));
        }
        return snapshots;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static LicenseTypeDefinition definition(String json) {
        try {
            return EventJson.MAPPER.readValue(json, LicenseTypeDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored license type definition is unreadable", e);
        }
    }
}
