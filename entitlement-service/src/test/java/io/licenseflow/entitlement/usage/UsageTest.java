package io.licenseflow.entitlement.usage;

import static io.licenseflow.entitlement.license.Licensing.DB;
import static io.licenseflow.entitlement.license.Licensing.outbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.entitlement.license.Licensing;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** USAGE_VERIFIED: usage against each meter's quota for its period, with the type's overage policy, once per Idempotency-Key. */
@QuarkusTest
@WithLocalStack(database = "entitlement")
class UsageTest {

    record Machine(Licensing.Issued issued, String key, String fingerprint) {
    }

    static Machine activated(String usageRules) {
        var issued = Licensing.issue(Licensing.type("metered", """
                "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "usageRules": %s,
                "seats": {"model": "NODE_LOCKED", "limit": 5}""".formatted(usageRules)), null);
        String key = Licensing.keyOf(issued.licenseId());
        given().contentType(ContentType.JSON).body("{\"key\": \"" + key + "\", \"fingerprint\": \"meter-machine\"}").post("/v1/activations")
                .then().statusCode(201);
        return new Machine(issued, key, "meter-machine");
    }

    static io.restassured.response.ValidatableResponse use(Machine m, String meter, long quantity, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body("{\"key\": \"" + m.key() + "\", \"fingerprint\": \"" + m.fingerprint() + "\", \"meter\": \"" + meter + "\", \"quantity\": " + quantity + "}")
                .post("/v1/usage").then();
    }

    @Test
    void a_deny_policy_refuses_what_would_pass_the_quota_and_the_first_usage_verifies_the_license() {
        Machine m = activated("[{\"meter\": \"api-calls\", \"quota\": 100, \"period\": \"MONTH\", \"overage\": \"DENY\"}]");
        use(m, "api-calls", 60, "u-1").statusCode(201).body("used", equalTo(60)).body("remaining", equalTo(40)).body("overage", equalTo(false));
        use(m, "api-calls", 50, "u-2").statusCode(409).body("code", equalTo("quota-exceeded"));
        use(m, "api-calls", 40, "u-3").statusCode(201).body("used", equalTo(100)).body("remaining", equalTo(0));

        assertThat(outbox("UsageVerified", m.issued().licenseId())).hasSize(1);
        JsonNode verified = outbox("UsageVerified", m.issued().licenseId()).get(0);
        assertThat(EventSchemas.violations(verified)).isEmpty();
        assertThat(verified.at("/payload/onboardingId").asText()).isEqualTo(m.issued().onboardingId().toString());
        assertThat(verified.at("/payload/basis").asText()).isEqualTo("FIRST_USAGE");
        assertThat(verified.at("/payload/meter").asText()).isEqualTo("api-calls");
        List<JsonNode> recorded = outbox("UsageRecorded", m.issued().licenseId());
        assertThat(recorded).hasSize(2);
        recorded.forEach(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        given().auth().oauth2(TestTokens.customerOf(m.issued().accountId())).get("/v1/licenses/" + m.issued().licenseId() + "/usage")
                .then().statusCode(200).body("meters[0].used", equalTo(100)).body("meters[0].quota", equalTo(100));
    }

    @Test
    void allow_and_flag_accepts_overage_flagged_up_to_its_factor() {
        Machine m = activated("[{\"meter\": \"builds\", \"quota\": 100, \"period\": \"DAY\", \"overage\": \"ALLOW_AND_FLAG\", \"overageFactor\": 1.5}]");
        use(m, "builds", 120, "b-1").statusCode(201).body("overage", equalTo(true)).body("used", equalTo(120));
        use(m, "builds", 30, "b-2").statusCode(201).body("used", equalTo(150));
        use(m, "builds", 1, "b-3").statusCode(409).body("code", equalTo("quota-exceeded"));
        assertThat(outbox("UsageRecorded", m.issued().licenseId()).get(0).at("/payload/overage").asBoolean()).isTrue();
    }

    @Test
    void the_same_idempotency_key_answers_a_retry_once_and_refuses_another_request() {
        Machine m = activated("[{\"meter\": \"api-calls\", \"quota\": 100, \"period\": \"LICENSE_TERM\"}]");
        String first = use(m, "api-calls", 10, "retry-me").statusCode(201).extract().path("id");
        use(m, "api-calls", 10, "retry-me").statusCode(200).header("Idempotency-Replayed", "true").body("id", equalTo(first)).body("used", equalTo(10));
        use(m, "api-calls", 11, "retry-me").statusCode(409).body("code", equalTo("idempotency-key-reused"));
        given().contentType(ContentType.JSON).body("{\"key\": \"" + m.key() + "\", \"fingerprint\": \"meter-machine\", \"meter\": \"api-calls\", \"quantity\": 1}")
                .post("/v1/usage").then().statusCode(400).body("code", equalTo("idempotency-key-required"));
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM usage_record WHERE license_id = ?", m.issued().licenseId())).isEqualTo(1);
    }

    @Test
    void a_type_that_meters_nothing_passes_the_usage_check_at_its_first_activation() {
        Machine m = activated("[]");
        assertThat(outbox("UsageVerified", m.issued().licenseId())).singleElement().satisfies(verified -> {
            assertThat(EventSchemas.violations(verified)).isEmpty();
            assertThat(verified.at("/payload/basis").asText()).isEqualTo("UNMETERED");
            assertThat(verified.at("/payload/usageId").isNull()).isTrue();
            assertThat(verified.at("/payload/onboardingId").asText()).isEqualTo(m.issued().onboardingId().toString());
        });
        given().contentType(ContentType.JSON).body("{\"key\": \"" + m.key() + "\", \"fingerprint\": \"second-machine\"}").post("/v1/activations")
                .then().statusCode(201);
        use(m, "api-calls", 1, "n-1").statusCode(400).body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("meter"));
        assertThat(outbox("UsageVerified", m.issued().licenseId())).hasSize(1);
    }

    @Test
    void an_expired_license_is_usable_during_its_grace_period_and_then_only_when_it_maintains_access() {
        for (String behaviour : new String[] {"RESTRICT_ACCESS", "MAINTAIN_ACCESS"}) {
            var issued = Licensing.issue(Licensing.type("grace", """
                    "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "gracePeriod": "P7D", "expirationBehaviour": "%s",
                    "usageRules": [{"meter": "api-calls", "quota": 100, "period": "MONTH"}], "seats": {"model": "NODE_LOCKED", "limit": 5}"""
                    .formatted(behaviour)), null);
            Machine m = new Machine(issued, Licensing.keyOf(issued.licenseId()), "grace-machine");
            given().contentType(ContentType.JSON).body("{\"key\": \"" + m.key() + "\", \"fingerprint\": \"grace-machine\"}").post("/v1/activations")
                    .then().statusCode(201);
            TestDatabase.execute(DB, "UPDATE license SET status = 'EXPIRED', expires_at = now() - interval '1 day' WHERE id = '" + issued.licenseId() + "'");
            use(m, "api-calls", 1, "g-1").statusCode(201); // a day after expiry, within the grace period

            TestDatabase.execute(DB, "UPDATE license SET expires_at = now() - interval '8 days' WHERE id = '" + issued.licenseId() + "'");
            if (behaviour.equals("RESTRICT_ACCESS")) {
                use(m, "api-calls", 1, "g-2").statusCode(409).body("code", equalTo("license-not-active"));
                given().contentType(ContentType.JSON).body("{\"key\": \"" + m.key() + "\", \"fingerprint\": \"late-machine\"}").post("/v1/activations")
                        .then().statusCode(409).body("code", equalTo("license-not-active"));
            } else {
                use(m, "api-calls", 1, "g-2").statusCode(201);
            }
        }
    }

    @Test
    void bad_usage_is_refused_and_records_nothing() {
        Machine m = activated("[{\"meter\": \"api-calls\", \"quota\": 100, \"period\": \"MONTH\"}]");
        use(m, "unknown-meter", 1, "x-1").statusCode(400).body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("meter"));
        use(m, "api-calls", -5, "x-2").statusCode(400).body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("quantity"));
        use(new Machine(m.issued(), m.key(), "never-activated"), "api-calls", 1, "x-3").statusCode(409).body("code", equalTo("not-activated"));
        use(new Machine(m.issued(), "LF-NOT-A-KEY", "meter-machine"), "api-calls", 1, "x-4").statusCode(400).body("code", equalTo("malformed-key"));
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM usage_record WHERE license_id = ?", m.issued().licenseId())).isZero();
        assertThat(outbox("UsageVerified", m.issued().licenseId())).isEmpty();
    }

    @Test
    void concurrent_reports_cannot_pass_a_denied_quota() {
        Machine m = activated("[{\"meter\": \"api-calls\", \"quota\": 100, \"period\": \"MONTH\", \"overage\": \"DENY\"}]");
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> requests = IntStream.range(0, 50).mapToObj(i -> http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/usage")).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + m.key() + "\", \"fingerprint\": \"meter-machine\", \"meter\": \"api-calls\", \"quantity\": 10}"))
                        .build(), HttpResponse.BodyHandlers.ofString())).toList();
        long accepted = requests.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 201).count();
        assertThat(accepted).isEqualTo(10);
        assertThat(TestDatabase.count(DB, "SELECT sum(used) FROM usage_counter WHERE license_id = ?", m.issued().licenseId())).isEqualTo(100);
    }
}
