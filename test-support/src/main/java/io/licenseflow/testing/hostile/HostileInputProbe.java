package io.licenseflow.testing.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Throws the {@link HostileCorpus} at every operation of a service's own OpenAPI document, with a valid admin
 * token and without one, and asserts that no answer is a 5xx, that every error is an RFC 9457 problem with a stable
 * code, the request's correlation id and no internal detail, that the request guard's own refusals carry the
 * documented status and code, and that nothing was written to the service's database. An endpoint added later is
 * covered without anyone listing it.
 *
 * <p>A positive control first sends each operation's unspoilt request with the token and requires it to get past
 * authentication and authorisation: an expired token or a broken example would otherwise make every case "refused".
 *
 * <p>A service runs it against its {@code @QuarkusTest} boot with {@link HostileInputContract}; the end-to-end
 * tests run it against the packaged services with real Keycloak tokens.
 */
public final class HostileInputProbe {

    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "org.hibernate", "io.vertx", "io.quarkus", "java.lang",
            "io.licenseflow", "SQLState", "jakarta.", "com.fasterxml", "Caused by", "Feature.", "REDACTED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final int port;
    private final String database;
    private final Supplier<String> adminToken;
    private final CorpusLimits limits;

    private HostileInputProbe(String service, int port, String database, Supplier<String> adminToken, CorpusLimits limits) {
        this.service = service;
        this.port = port;
        this.database = database;
        this.adminToken = adminToken;
        this.limits = limits;
    }

    /**
     * One test per operation of the service listening on 127.0.0.1:{@code port}, whose data lives in {@code database};
     * {@code adminToken} supplies a fresh token with the admin role (asked once per operation and mode, as tokens expire).
     */
    public static Stream<DynamicTest> against(String service, int port, String database, Supplier<String> adminToken, CorpusLimits limits) {
        HostileInputProbe probe = new HostileInputProbe(service, port, database, adminToken, limits);
        JsonNode openApi = probe.openApi();
        List<ApiOperation> operations = ApiOperation.all(openApi);
        assertThat(operations).as("operations in " + service + "'s /q/openapi").isNotEmpty();
        return operations.stream().map(operation -> DynamicTest.dynamicTest(service + ": " + operation.name(),
                () -> probe.check(operation, openApi)));
    }

    private void check(ApiOperation operation, JsonNode openApi) throws Exception {
        List<HostileCase> cases = HostileCorpus.casesFor(operation, openApi, limits);
        assertThat(cases.stream().map(HostileCase::id).distinct().count()).as("distinct hostile cases for " + operation.name())
                .isGreaterThanOrEqualTo(300);
        long started = System.nanoTime();
        int requests = 0;
        for (boolean withToken : new boolean[] {true, false}) {
            String token = withToken ? adminToken.get() : null;
            String mode = withToken ? "with an admin token" : "without a token";
            if (withToken) {
                positiveControl(operation, token);
            }
            DatabaseFingerprint before = DatabaseFingerprint.settled(database);
            List<String> failures = new ArrayList<>();
            for (HostileCase hostile : cases) {
                String problem = problemWith(hostile, send(hostile.spoil().apply(base(operation, token))));
                requests++;
                if (problem != null) {
                    failures.add(hostile.id() + " -> " + problem);
                }
            }
            if (!failures.isEmpty()) {
                fail(operation.name() + " " + mode + ": " + failures.size() + " of " + cases.size() + " cases answered wrongly:\n  "
                        + String.join("\n  ", failures));
            }
            DatabaseFingerprint after = DatabaseFingerprint.settled(database);
            if (!after.equals(before) && !after.explainedByBackgroundWork(before, database)) {
                fail(operation.name() + " " + mode + ": hostile requests wrote to " + database + ": " + before.differences(after)
                        + "\n  written by: " + String.join("\n  ", writers(operation, token, cases)));
            }
        }
        System.out.printf("hostile input: %s %s: %d cases x 2 (with and without a token) = %d requests in %d ms%n",
                service, operation.name(), cases.size(), requests, (System.nanoTime() - started) / 1_000_000);
    }

    /** The unspoilt request must pass authentication and authorisation (what it does then depends on its example). */
    private void positiveControl(ApiOperation operation, String token) throws IOException {
        RawHttp.Answer answer = send(base(operation, token));
        assertThat(answer).as("answer to the unspoilt " + operation.name()).isNotNull();
        assertThat(answer.status()).as("status of the unspoilt " + operation.name() + " with an admin token: " + HostileCorpus.shorten(answer.body()))
                .isNotIn(401, 403).isLessThan(500);
    }

    /** Sends every case again, checking the database after each, to name the ones that wrote. */
    private List<String> writers(ApiOperation operation, String token, List<HostileCase> cases) throws IOException {
        List<String> writers = new ArrayList<>();
        for (HostileCase hostile : cases) {
            DatabaseFingerprint before = DatabaseFingerprint.of(database);
            send(hostile.spoil().apply(base(operation, token)));
            DatabaseFingerprint after = DatabaseFingerprint.of(database);
            if (!after.equals(before)) {
                writers.add(hostile.id() + " (" + before.differences(after) + ")");
            }
        }
        return writers.isEmpty() ? List.of("no single case when sent again (a write that happens only once?)") : writers;
    }

    private static RawRequest base(ApiOperation operation, String token) {
        RawRequest request = new RawRequest(operation.method(), operation.pathWith(null, null));
        request.header("User-Agent", "licenseflow-hostile-corpus");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (operation.exampleBody() != null) {
            request.jsonBody(ApiOperation.toJson(operation.exampleBody()));
        }
        return request;
    }

    private RawHttp.Answer send(RawRequest request) throws IOException {
        return RawHttp.send("127.0.0.1", port, request.toBytes("localhost:" + port));
    }

    /** Null when the answer is acceptable. */
    static String problemWith(HostileCase hostile, RawHttp.Answer answer) {
        if (answer == null) {
            return "no answer (connection closed)";
        }
        if (answer.status() == RawHttp.TIMED_OUT) {
            return "no answer within 10 s";
        }
        if (hostile.codecLevel()) {
            return answer.status() == hostile.expectedStatus() ? null : "expected a bare " + hostile.expectedStatus() + " but got " + answer.status();
        }
        if (answer.status() < 100 || answer.status() >= 500) {
            return "status " + answer.status() + ": " + HostileCorpus.shorten(answer.body());
        }
        String correlationId = answer.header("X-Correlation-Id");
        if (correlationId == null) {
            return "status " + answer.status() + " without X-Correlation-Id";
        }
        String code = null;
        if (answer.status() >= 400) {
            String type = answer.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return "status " + answer.status() + " as " + type + ", not application/problem+json: " + HostileCorpus.shorten(answer.body());
            }
            JsonNode body;
            try {
                body = JSON.readTree(answer.body());
            } catch (IOException e) {
                return "status " + answer.status() + " with a body that is not JSON: " + HostileCorpus.shorten(answer.body());
            }
            code = body.path("code").asText();
            if (body.path("status").asInt() != answer.status() || code.isEmpty()
                    || !body.path("type").asText().equals("urn:licenseflow:problem:" + code) || !body.path("title").isTextual()) {
                return "status " + answer.status() + " with an incomplete problem: " + HostileCorpus.shorten(answer.body());
            }
            if (!correlationId.equals(body.path("correlationId").asText())) {
                return "the problem's correlationId differs from the X-Correlation-Id header: " + HostileCorpus.shorten(answer.body());
            }
            for (String internal : INTERNALS) {
                if (answer.body().contains(internal)) {
                    return "the problem reveals internals (" + internal.trim() + "): " + HostileCorpus.shorten(answer.body());
                }
            }
        }
        if (hostile.expectedStatus() != 0 && (answer.status() != hostile.expectedStatus() || !hostile.expectedCode().equals(code))) {
            return "expected " + hostile.expectedStatus() + " " + hostile.expectedCode() + " but got " + answer.status() + " " + code;
        }
        return null;
    }

    private JsonNode openApi() {
        try {
            return JSON.readTree(RestAssured.given().baseUri("http://127.0.0.1").port(port).get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException("the service's OpenAPI document is not JSON", e);
        }
    }
}
