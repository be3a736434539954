package io.licenseflow.testing.hostile;

import io.licenseflow.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a service's database holds, cheaply: per table the row count and the newest row version's transaction id
 * ({@code xmin}). An insert, an update or a delete anywhere changes it.
 */
record DatabaseFingerprint(Map<String, Long> rows, Map<String, Long> newestVersion) {

    private static final String CONSUMED = "processed_event";
    private static final String OUTBOX = "outbox";
    /** {@code CorrelationId.SCHEDULED_PREFIX}: test-support does not depend on service-commons. */
    private static final String SCHEDULED = "scheduled:";

    static DatabaseFingerprint of(String database) {
        List<List<String>> names = TestDatabase.rows(database,
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY 1");
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Long> versions = new TreeMap<>();
        if (!names.isEmpty()) {
            String sql = names.stream()
                    .map(row -> "SELECT '" + row.get(0) + "', count(*), coalesce(max(xmin::text::bigint), 0) FROM \"" + row.get(0) + "\"")
                    .collect(Collectors.joining(" UNION ALL "));
            TestDatabase.rows(database, sql).forEach(row -> {
                rows.put(row.get(0), Long.parseLong(row.get(1)));
                versions.put(row.get(0), Long.parseLong(row.get(2)));
            });
        }
        return new DatabaseFingerprint(rows, versions);
    }

    /** Waits until nothing else writes (a consumer catching up, a scheduled job): the same twice, a quarter of a second apart. */
    static DatabaseFingerprint settled(String database) throws InterruptedException {
        DatabaseFingerprint last = of(database);
        for (int i = 0; i < 120; i++) {
            Thread.sleep(250);
            DatabaseFingerprint now = of(database);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError(database + " did not stop changing within 30 s: the write check cannot be made");
    }

    /**
     * Whether the change since {@code before} is work that no request does: a consumer applying events (it records
     * each in processed_event), the outbox retention deleting published rows, or a scheduled job's run (every event
     * published since carries a {@code scheduled:} correlation id — the packaged services' jobs cannot be paused).
     */
    boolean explainedByBackgroundWork(DatabaseFingerprint before, String database) {
        boolean consumed = !rows.get(CONSUMED).equals(before.rows.get(CONSUMED));
        if (consumed || rows.containsKey(OUTBOX) && publishedOnlyByScheduledJobs(before, database)) {
            return true;
        }
        boolean onlyOutboxShrank = rows.entrySet().stream().allMatch(e -> e.getKey().equals(OUTBOX)
                ? e.getValue() <= before.rows.getOrDefault(OUTBOX, 0L)
                : e.getValue().equals(before.rows.get(e.getKey())) && newestVersion.get(e.getKey()).equals(before.newestVersion.get(e.getKey())));
        return onlyOutboxShrank;
    }

    private static boolean publishedOnlyByScheduledJobs(DatabaseFingerprint before, String database) {
        List<String> published = TestDatabase.rows(database, "SELECT payload->>'correlationId' FROM outbox WHERE xmin::text::bigint > ?",
                before.newestVersion.getOrDefault(OUTBOX, 0L)).stream().map(row -> row.get(0)).toList();
        return !published.isEmpty() && published.stream().allMatch(id -> id != null && id.startsWith(SCHEDULED));
    }

    /** The tables that differ, "table: rows/newest-version before -> after". */
    String differences(DatabaseFingerprint after) {
        return after.rows.keySet().stream()
                .filter(t -> !after.rows.get(t).equals(rows.get(t)) || !after.newestVersion.get(t).equals(newestVersion.get(t)))
                .map(t -> t + ": " + rows.get(t) + "/" + newestVersion.get(t) + " -> " + after.rows.get(t) + "/" + after.newestVersion.get(t))
                .collect(Collectors.joining(", "));
    }
}
