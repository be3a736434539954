package io.licenseflow.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service ({@code <name>-service/target/quarkus-app}, or the portal's {@code portal/target/quarkus-app}) run
 * as its own process against the test stack, configured the way ./licenseflow up configures it: through LF_*
 * environment variables.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final TestCertificate tls;

    private ServiceProcess(String name, int port, Process process, Path log, TestCertificate tls) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.tls = tls;
    }

    public static ServiceProcess start(String name, int port) {
        return start(name, port, Map.of());
    }

    /** As {@link #start(String, int)}, with more environment variables (a profile, a bind address). */
    public static ServiceProcess start(String name, int port, Map<String, String> extraEnvironment) {
        return start(name, port, extraEnvironment, null);
    }

    /**
     * As {@link #start(String, int, Map)} in the kubernetes profile, which serves HTTPS only: on {@code httpsPort},
     * with {@code tls}'s certificate, trusted by {@link #http()}. The kubernetes profile's secrets come from
     * {@code extraEnvironment}, which may also override the certificate's paths.
     */
    public static ServiceProcess startHttps(String name, int httpsPort, TestCertificate tls, Map<String, String> extraEnvironment) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("QUARKUS_PROFILE", "kubernetes");
        env.put("LICENSEFLOW_TLS_CERT", tls.certificate().toString());
        env.put("LICENSEFLOW_TLS_KEY", tls.key().toString());
        env.put("LF_HTTPS_PORT", Integer.toString(httpsPort));
        env.putAll(extraEnvironment);
        return start(name, httpsPort, env, tls);
    }

    private static ServiceProcess start(String name, int port, Map<String, String> extraEnvironment, TestCertificate tls) {
        Map<String, String> stack = LocalStack.ensure(java.util.List.of("postgres", "kafka", "connect", "keycloak", "mail"));
        Path root = LocalStack.root();
        Path jar = root.resolve(module(name) + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build through the package phase (./licenseflow test)");
        }
        // e2e-tests/target by default; the benchmark writes elsewhere (licenseflow.service-logs, relative to the checkout)
        Path log = root.resolve(System.getProperty("licenseflow.service-logs", "e2e-tests/target")).resolve(module(name) + "-" + port + ".log");
        if (portTaken(port)) {
            throw new IllegalStateException("port " + port + " is taken (a service left over from an earlier run?): "
                    + "the test would talk to it instead of the code under test");
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + extraEnvironment.getOrDefault("LF_TEST_SERVICE_HEAP", "256m"), "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("LF_PG_PORT", stack.get("LF_PG_PORT"));
            env.put("LF_PG_PASSWORD", stack.get("LF_PG_PASSWORD"));
            env.put("LF_KAFKA_BOOTSTRAP", "127.0.0.1:" + stack.get("LF_KAFKA_PORT"));
            env.put("LF_OIDC_URL", keycloakRealmUrl());
            env.put("LF_SMTP_PORT", stack.get("LF_SMTP_PORT"));
            // With HTTPS, the HTTP port is not opened at all; it gets one apart anyway, so that nothing else is taken.
            env.put("LF_" + name.toUpperCase() + "_PORT", Integer.toString(tls == null ? port : port + 1000));
            env.putAll(extraEnvironment);
            Process process = builder.start();
            // Never leave a service behind, even when the test JVM dies mid-way: it would keep the port and
            // its Kafka consumer-group membership, and steal the next run's events.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            ServiceProcess service = new ServiceProcess(name, port, process, log, tls);
            service.awaitReady(Duration.ofMinutes(3));
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module(name), e);
        }
    }

    /** The Maven module an app is built in: the portal's own, a service's {@code <name>-service}. */
    private static String module(String name) {
        return name.equals("portal") ? "portal" : name + "-service";
    }

    private static boolean portTaken(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException free) {
            return false;
        }
    }

    public static String keycloakRealmUrl() {
        return "http://localhost:" + LocalStack.ensure(java.util.List.of("keycloak")).get("LF_KEYCLOAK_PORT") + "/realms/licenseflow";
    }

    public String url() {
        return (tls == null ? "http" : "https") + "://localhost:" + port;
    }

    /** A client for this service: trusting its test certificate when it serves HTTPS. */
    public HttpClient http() {
        return tls == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().sslContext(tls.trustingContext()).build();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = http();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module(name) + " exited: " + Files.readString(log));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 && process.isAlive()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(module(name) + " not ready after " + timeout + "; log: " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
