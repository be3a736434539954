package io.licenseflow.testing.bench;

import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation view's memory: an entitlement-service replica's heap after a full GC, started on the licenses there
 * are (the baseline), and started again after {@code count} more licenses (each with a machine and a usage counter)
 * were inserted; the difference per 100,000 licenses, and how long the rebuild took. The inserted rows are deleted
 * afterwards.
 */
final class ViewMemory {

    private static final int PORT = 28193;
    private static final String PREFIX = "LF-BMEM";
    private static final Map<String, String> ENV = Map.of("LF_TEST_SERVICE_HEAP", "1g", "LICENSEFLOW_RATE_LIMIT_ENABLED", "false");

    private ViewMemory() {
    }

    static void run(String licenseType, int count) throws Exception {
        System.out.printf("%nvalidation view memory: a replica's heap after a full GC, before and after %d more licenses%n", count);
        Measurement before = measure();
        insert(licenseType, count);
        try {
            Measurement after = measure();
            long licenses = after.licenses() - before.licenses();
            double perHundredThousand = (after.heapBytes() - before.heapBytes()) / (double) licenses * 100_000 / (1024 * 1024);
            System.out.printf("%-44s %8.1f MiB heap, %d licenses in the view%n", "before (baseline)", before.heapBytes() / 1048576.0, before.licenses());
            System.out.printf("%-44s %8.1f MiB heap, %d licenses in the view, rebuilt in %d ms%n", "after", after.heapBytes() / 1048576.0,
                    after.licenses(), after.rebuildMillis());
            System.out.printf("view memory: %.1f MiB per 100,000 licenses (%.0f bytes each)%n", perHundredThousand,
                    (after.heapBytes() - before.heapBytes()) / (double) licenses);
        } finally {
            TestDatabase.execute("entitlement", "DELETE FROM usage_counter WHERE license_id IN (SELECT id FROM license WHERE key_prefix = '" + PREFIX + "')");
            TestDatabase.execute("entitlement", "DELETE FROM activation WHERE license_id IN (SELECT id FROM license WHERE key_prefix = '" + PREFIX + "')");
            TestDatabase.execute("entitlement", "DELETE FROM license WHERE key_prefix = '" + PREFIX + "'");
        }
    }

    private record Measurement(long heapBytes, long licenses, long rebuildMillis) {
    }

    private static Measurement measure() throws Exception {
        try (ServiceProcess replica = ServiceProcess.start("entitlement", PORT, ENV)) {
            BenchHttp http = new BenchHttp(replica.url());
            long licenses = http.send("GET", "/q/health/ready", null, null, 200).findValue("licenses").asLong();
            long heap = 0;
            for (int i = 0; i < 3; i++) {
                Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(replica.pid()),
                        "GC.run").redirectErrorStream(true).start();
                gc.getInputStream().readAllBytes();
                gc.waitFor(60, TimeUnit.SECONDS);
                heap = heapUsed(http);
            }
            Matcher rebuilt = Pattern.compile("validation view rebuilt: \\d+ licenses in (\\d+) ms").matcher(
                    Files.readString(Path.of("target", "bench", "entitlement-service-" + PORT + ".log")));
            long millis = -1;
            while (rebuilt.find()) {
                millis = Long.parseLong(rebuilt.group(1));
            }
            return new Measurement(heap, licenses, millis);
        }
    }

    private static long heapUsed(BenchHttp http) throws Exception {
        String metrics = new String(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + PORT + "/q/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
        return (long) metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** {@code count} active licenses of the type's current version, each with one machine and one usage counter, in three statements. */
    private static void insert(String licenseType, int count) {
        TestDatabase.execute("entitlement", """
                INSERT INTO license (id, account_id, license_type_id, license_type_name, license_type_version, duration_kind, term_period,
                    grace_period, expiration_behaviour, status, seat_limit, seats_used, starts_at, expires_at, key_hash, key_prefix,
                    seat_model, created_at, updated_at)
                SELECT gen_random_uuid(), gen_random_uuid(), v.license_type_id, v.name, v.version, 'FIXED_TERM', 'P1Y', 'P7D', 'RESTRICT_ACCESS',
                    'ACTIVE', 5, 1, now(), now() + interval '1 year', encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'),
                    '%s', 'NODE_LOCKED', now(), now()
                FROM license_type_version v, generate_series(1, %d)
                WHERE v.name = '%s' AND v.version = (SELECT max(version) FROM license_type_version WHERE name = '%s')"""
                .formatted(PREFIX, count, licenseType, licenseType));
        TestDatabase.execute("entitlement", """
                INSERT INTO activation (id, license_id, account_id, fingerprint, metadata, status, activated_at, last_heartbeat_at, created_at, updated_at)
                SELECT gen_random_uuid(), id, account_id, 'machine-' || substr(id::text, 1, 12), '{}'::jsonb, 'ACTIVE', now(), now(), now(), now()
                FROM license WHERE key_prefix = '%s'""".formatted(PREFIX));
        TestDatabase.execute("entitlement", """
                INSERT INTO usage_counter (license_id, meter, period_start, used)
                SELECT id, 'api-calls', date_trunc('month', now()), 42 FROM license WHERE key_prefix = '%s'""".formatted(PREFIX));
    }
}
