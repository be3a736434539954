package io.licenseflow.entitlement.validation;

import static io.licenseflow.entitlement.license.Licensing.DB;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.licenseflow.entitlement.license.Licensing;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestMetrics;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.licenseflow.verifier.JwksSource;
import io.licenseflow.verifier.LicenseVerifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/licenses/validate: every code in its precedence, the same answer to the same question, signed answers, and
 * the in-memory view agreeing with the database after every kind of change (with how long it took).
 */
@QuarkusTest
@WithLocalStack(database = "entitlement")
class ValidationTest {

    private static final String TYPE = """
            "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "gracePeriod": "P5D",
            "entitlements": ["export-pdf"], "usageRules": [{"meter": "api-calls", "quota": 10, "period": "DAY", "overage": "DENY"}],
            "seats": {"model": "FLOATING", "limit": 3, "heartbeatTtl": "PT30S"}""";

    @Inject
    ValidationView view;

    @Inject
    LicenseSnapshots snapshots;

    private static Response validate(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/licenses/validate");
    }

    private static JsonNode answer(String key, String fingerprint, String entitlement, String meter) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("key", key);
        fields.put("fingerprint", fingerprint);
        fields.put("entitlement", entitlement);
        fields.put("meter", meter);
        StringBuilder body = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (value != null) {
                body.append(body.length() > 1 ? "," : "").append('"').append(name).append("\":\"").append(value).append('"');
            }
        });
        Response response = validate(body.append('}').toString());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return Licensing.read(response.asString());
    }

    private static String code(String key, String fingerprint, String entitlement, String meter) {
        return answer(key, fingerprint, entitlement, meter).path("code").asText();
    }

    private static String activate(String key, String fingerprint) {
        return given().contentType(ContentType.JSON).body("{\"key\": \"" + key + "\", \"fingerprint\": \"" + fingerprint + "\"}")
                .post("/v1/activations").then().statusCode(201).extract().path("id");
    }

    private static void use(String key, String fingerprint, int quantity) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"key\": \"" + key + "\", \"fingerprint\": \"" + fingerprint + "\", \"meter\": \"api-calls\", \"quantity\": " + quantity + "}")
                .post("/v1/usage").then().statusCode(201);
    }

    private static void admin(UUID licenseId, String action) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"reason\": \"test\"}")
                .post("/v1/licenses/" + licenseId + "/" + action).then().statusCode(200);
    }

    /** Waits until the view holds what the database holds for the license; returns how long that took. */
    private Duration agrees(UUID licenseId, String change, List<String> report) {
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() ->
                java.util.Objects.equals(view.get(licenseId), snapshots.one(licenseId).await().atMost(Duration.ofSeconds(5))));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        report.add(change + ": " + took.toMillis() + " ms");
        return took;
    }

    @Test
    void each_code_in_its_precedence_and_the_view_agrees_with_the_database_after_every_change() {
        List<String> lags = new ArrayList<>();
        assertThat(code("LF-not-a-key", null, null, null)).isEqualTo("MALFORMED_KEY");
        String mistyped = Licensing.keyOf(Licensing.issue(Licensing.type("typo", TYPE), null).licenseId());
        assertThat(code(mistyped.substring(0, mistyped.length() - 1) + (mistyped.endsWith("A") ? "B" : "A"), null, null, null)).isEqualTo("MALFORMED_KEY");

        var issued = Licensing.issue(Licensing.type("validate", TYPE), null);
        UUID id = issued.licenseId();
        agrees(id, "issue", lags);
        String key = Licensing.keyOf(id);
        JsonNode fresh = answer(key, null, null, null);
        assertThat(fresh.path("code").asText()).isEqualTo("VALID");
        assertThat(fresh.path("valid").asBoolean()).isTrue();
        assertThat(fresh.at("/license/id").asText()).isEqualTo(id.toString());
        assertThat(fresh.at("/license/type/version").asInt()).isEqualTo(1);
        assertThat(fresh.at("/license/seats/limit").asInt()).isEqualTo(3);
        assertThat(fresh.at("/license/entitlements/0").asText()).isEqualTo("export-pdf");

        assertThat(code(key, "machine-1", null, null)).isEqualTo("NOT_ACTIVATED");
        activate(key, "machine-1");
        agrees(id, "activation", lags);
        assertThat(code(key, "machine-1", null, null)).as("read your writes: no wait after activating").isEqualTo("VALID");
        assertThat(answer(key, "machine-1", null, null).at("/license/seats/used").asInt()).isEqualTo(1);
        assertThat(code(key, "machine-2", null, null)).isEqualTo("FINGERPRINT_MISMATCH");
        assertThat(code(key, "machine-1", "sso", null)).isEqualTo("ENTITLEMENT_MISSING");
        assertThat(code(key, "machine-1", "export-pdf", "gpu-hours")).isEqualTo("ENTITLEMENT_MISSING");
        assertThat(code(key, "machine-1", "export-pdf", "api-calls")).isEqualTo("VALID");
        use(key, "machine-1", 10);
        agrees(id, "usage", lags);
        JsonNode exhausted = answer(key, "machine-1", "export-pdf", "api-calls");
        assertThat(exhausted.path("code").asText()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(exhausted.at("/meter/used").asLong()).isEqualTo(10);
        assertThat(exhausted.at("/meter/cap").asLong()).isEqualTo(10);
        assertThat(code(key, "machine-1", "sso", "api-calls")).as("entitlement before quota").isEqualTo("ENTITLEMENT_MISSING");

        String machine2 = activate(key, "machine-2");
        TestDatabase.execute(DB, "UPDATE activation SET heartbeat_deadline = now() - interval '1 second' WHERE id = '" + machine2 + "'");
        await().atMost(Duration.ofSeconds(20)).until(() -> "HEARTBEAT_DEAD".equals(code(key, "machine-2", null, null)));
        agrees(id, "reclaim of a floating seat (scheduled job, via events)", lags);
        given().header("Authorization", "License " + key).delete("/v1/activations/" + activate(key, "machine-3")).then().statusCode(204);
        agrees(id, "deactivation", lags);
        assertThat(code(key, "machine-3", null, null)).isEqualTo("FINGERPRINT_MISMATCH");

        admin(id, "suspend");
        agrees(id, "suspension", lags);
        assertThat(code(key, "machine-1", "sso", null)).as("suspended before anything about the machine").isEqualTo("SUSPENDED");
        admin(id, "reinstate");
        agrees(id, "reinstatement", lags);

        TestDatabase.execute(DB, "UPDATE license SET expires_at = now() - interval '1 minute' WHERE id = '" + id + "'");
        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(TestDatabase.text(DB, "SELECT status FROM license WHERE id = ?::uuid", id)));
        agrees(id, "expiry (scheduled job, via events)", lags);
        assertThat(code(key, "machine-1", null, null)).as("within the 5-day grace period").isEqualTo("IN_GRACE_PERIOD");
        admin(id, "renew");
        agrees(id, "renewal", lags);
        assertThat(code(key, "machine-1", null, null)).isEqualTo("VALID");

        admin(id, "revoke");
        agrees(id, "revocation", lags);
        assertThat(code(key, "machine-1", null, null)).isEqualTo("REVOKED");

        String strict = Licensing.keyOf(expire(Licensing.issue(Licensing.type("strict", TYPE.replace("\"gracePeriod\": \"P5D\"",
                "\"gracePeriod\": \"P0D\"")), null).licenseId(), lags));
        JsonNode expired = answer(strict, null, null, null);
        assertThat(expired.path("code").asText()).isEqualTo("EXPIRED");
        assertThat(expired.path("valid").asBoolean()).isFalse();

        String maintained = Licensing.keyOf(expire(Licensing.issue(Licensing.type("maintain", TYPE.replace("\"gracePeriod\": \"P5D\"",
                "\"gracePeriod\": \"P0D\", \"expirationBehaviour\": \"MAINTAIN_ACCESS\"")), null).licenseId(), lags));
        JsonNode kept = answer(maintained, null, null, null);
        assertThat(kept.path("code").asText()).isEqualTo("EXPIRED_ACCESS_MAINTAINED");
        assertThat(kept.path("valid").asBoolean()).isTrue();

        var rekeyed = Licensing.issue(Licensing.type("rekey", TYPE), null);
        String oldKey = Licensing.keyOf(rekeyed.licenseId());
        admin(rekeyed.licenseId(), "rekey");
        agrees(rekeyed.licenseId(), "re-key", lags);
        assertThat(code(oldKey, null, null, null)).isEqualTo("NOT_FOUND");

        System.out.println("validation view caught up with the database after: " + String.join("; ", lags));
        System.out.printf("validation view lag behind license events (licenseflow_validation_view_lag_seconds): %d events, max %.1f ms%n",
                (long) TestMetrics.value("licenseflow_validation_view_lag_seconds_count", ""),
                TestMetrics.value("licenseflow_validation_view_lag_seconds_max", "") * 1000);
    }

    private UUID expire(UUID licenseId, List<String> lags) {
        TestDatabase.execute(DB, "UPDATE license SET expires_at = now() - interval '1 minute' WHERE id = '" + licenseId + "'");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "EXPIRED".equals(TestDatabase.text(DB, "SELECT status FROM license WHERE id = ?::uuid", licenseId)));
        agrees(licenseId, "expiry of another license (scheduled job, via events)", lags);
        return licenseId;
    }

    @Test
    void the_same_question_gets_the_same_signed_answer_and_a_changed_byte_fails_the_signature() {
        var issued = Licensing.issue(Licensing.type("signed", TYPE), null);
        String key = Licensing.keyOf(issued.licenseId());
        activate(key, "sig-machine");
        String question = "{\"key\": \"" + key + "\", \"fingerprint\": \"sig-machine\", \"meter\": \"api-calls\", \"nonce\": \"n-123\"}";
        Response first = validate(question);
        Response second = validate(question);
        assertThat(withoutCheckedAt(first.asString())).isEqualTo(withoutCheckedAt(second.asString()));
        assertThat(Licensing.read(first.asString()).path("nonce").asText()).isEqualTo("n-123");
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");

        LicenseVerifier verifier = LicenseVerifier.builder()
                .jwks(JwksSource.url(URI.create("http://localhost:" + RestAssured.port + "/.well-known/jwks.json"))).build();
        Map<String, String> headers = new java.util.HashMap<>();
        first.headers().forEach(h -> headers.put(h.getName(), h.getValue()));
        byte[] body = first.asByteArray();
        assertThat(verifier.verifyAnswer(200, headers, body)).as("signature of " + headers.get("Signature-Input")).isTrue();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"valid\":true", "\"valid\":false").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(body);
        assertThat(verifier.verifyAnswer(200, headers, tampered)).isFalse();
        assertThat(verifier.verifyAnswer(403, headers, body)).as("the status is signed too").isFalse();
        Map<String, String> unsigned = new java.util.HashMap<>(headers);
        unsigned.remove("Signature");
        assertThat(verifier.verifyAnswer(200, unsigned, body)).isFalse();
    }

    @Test
    void tokens_with_the_right_role_or_account_may_validate_others_are_refused() {
        var issued = Licensing.issue(Licensing.type("callers", TYPE), null);
        String key = Licensing.keyOf(issued.licenseId());
        String question = "{\"key\": \"" + key + "\"}";
        given().auth().oauth2(TestTokens.token("product-backend", List.of("service"), Map.of())).contentType(ContentType.JSON).body(question)
                .post("/v1/licenses/validate").then().statusCode(200);
        given().auth().oauth2(TestTokens.customerOf(issued.accountId())).contentType(ContentType.JSON).body(question)
                .post("/v1/licenses/validate").then().statusCode(200);
        given().auth().oauth2(TestTokens.customerOf(UUID.randomUUID())).contentType(ContentType.JSON).body(question)
                .post("/v1/licenses/validate").then().statusCode(403);
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(question).post("/v1/licenses/validate").then().statusCode(401);
        validate("{\"fingerprint\": \"x\"}").then().statusCode(400);
        validate("{\"key\": \"" + key + "\", \"fingerprint\": \"\"}").then().statusCode(400);
    }

    private static String withoutCheckedAt(String json) {
        ObjectNode node = (ObjectNode) Licensing.read(json);
        assertThat(node.path("checkedAt").isTextual()).isTrue();
        node.remove("checkedAt");
        return node.toString();
    }
}
