package io.licenseflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real platform the tests run against: PostgreSQL, Kafka, Kafka Connect with Debezium and, for
 * end-to-end tests, Keycloak, started by {@code deploy/local/stack --profile test} on their own ports.
 * Started once and reused by every test JVM of the build (and by the next build, when still running);
 * {@code ./licenseflow test} stops it at the end.
 */
public final class LocalStack {

    public static final List<String> PLATFORM = List.of("postgres", "kafka", "connect");

    private static Map<String, String> env;
    private static final java.util.Set<String> ENSURED = new java.util.HashSet<>();

    private LocalStack() {
    }

    /** Starts the named parts unless already running, and returns the stack's settings (LF_* variables). */
    public static synchronized Map<String, String> ensure(List<String> parts) {
        if (env != null && ENSURED.containsAll(parts)) {
            return env;
        }
        Path root = root();
        Path log = root.resolve("target").resolve("test-stack.log");
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("deploy/local/stack").toString(),
                    "--profile", "test", "up"));
            command.addAll(parts);
            // Output goes to a file: a child writing to the test JVM's stdout corrupts surefire's channel.
            Process up = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!up.waitFor(10, TimeUnit.MINUTES) || up.exitValue() != 0) {
                up.destroyForcibly();
                throw new IllegalStateException("the test stack did not start: " + tail(log));
            }
            ENSURED.addAll(parts);
            if (env == null) {
                env = readEnv(root);
            }
            return env;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run deploy/local/stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> platform() {
        return ensure(PLATFORM);
    }

    public static String kafkaBootstrap() {
        return "127.0.0.1:" + platform().get("LF_KAFKA_PORT");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + platform().get("LF_PG_PORT") + "/" + database;
    }

    public static Path root() {
        String configured = System.getProperty("licenseflow.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/local/stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the LicenseFlow checkout (deploy/local/stack) from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static Map<String, String> readEnv(Path root) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", root.resolve("deploy/local/stack").toString(), "--profile", "test", "env")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(1, TimeUnit.MINUTES);
        Map<String, String> values = new HashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return Map.copyOf(values);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
