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
record DatabaseFingerprint(Map<String, String> tables) {

    static DatabaseFingerprint of(String database) {
        List<List<String>> names = TestDatabase.rows(database,
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY 1");
        if (names.isEmpty()) {
            return new DatabaseFingerprint(Map.of());
        }
        String sql = names.stream()
                .map(row -> "SELECT '" + row.get(0) + "', count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM \"" + row.get(0) + "\"")
                .collect(Collectors.joining(" UNION ALL "));
        Map<String, String> tables = new TreeMap<>();
        TestDatabase.rows(database, sql).forEach(row -> tables.put(row.get(0), row.get(1)));
        return new DatabaseFingerprint(tables);
    }

    /** Waits until nothing else (a consumer catching up, a scheduled job) writes, for up to 30 s. */
    static DatabaseFingerprint settled(String database) throws InterruptedException {
        DatabaseFingerprint last = of(database);
        for (int i = 0; i < 60; i++) {
            Thread.sleep(500);
            DatabaseFingerprint now = of(database);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** The tables whose fingerprint differs, "table: before -> after" (rows/xmin). */
    String differences(DatabaseFingerprint after) {
        return after.tables.entrySet().stream()
                .filter(e -> !e.getValue().equals(tables.get(e.getKey())))
                .map(e -> e.getKey() + ": " + tables.get(e.getKey()) + " -> " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
