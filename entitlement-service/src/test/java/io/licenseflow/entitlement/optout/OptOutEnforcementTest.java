package io.licenseflow.entitlement.optout;

import static io.licenseflow.entitlement.license.Licensing.outbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.entitlement.license.Licensing;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestEvents;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.WithLocalStack;
import io.licenseflow.verifier.Check;
import io.licenseflow.verifier.JwksSource;
import io.licenseflow.verifier.LicenseClaims;
import io.licenseflow.verifier.LicenseVerifier;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Enforcement: the opt-out states optout-service publishes on the compacted topic (published here as it publishes them;
 * optout-service's own tests check what Debezium publishes) reach validation answers, license tokens and usage reports.
 */
@QuarkusTest
@WithLocalStack(database = "entitlement")
class OptOutEnforcementTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String METERED = """
            "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "usageRules": [{"meter": "api-calls", "quota": 500, "period": "DAY", "overage": "DENY"}],
            "seats": {"model": "NODE_LOCKED", "limit": 3}""";

    record Machine(UUID accountId, UUID licenseId, String key, String fingerprint, String token) {
    }

    private static Machine machine(String fingerprint) {
        var issued = Licensing.issue(Licensing.type("optouts", METERED), null);
        String key = Licensing.keyOf(issued.licenseId());
        String token = given().contentType(ContentType.JSON).body("{\"key\": \"" + key + "\", \"fingerprint\": \"" + fingerprint + "\"}")
                .post("/v1/activations").then().statusCode(201).extract().path("licenseToken.token");
        return new Machine(issued.accountId(), issued.licenseId(), key, fingerprint, token);
    }

    private static void publishState(UUID account, String kind, String id, long version, List<String> optedOut, List<String> defaults) {
        TestKafka.publish(Topics.OPTOUT_STATE_EVENTS, TestEvents.subjectOptOutState(account, kind, id, version, optedOut, defaults));
    }

    private static io.restassured.response.ValidatableResponse validate(Machine m, String user) {
        return given().contentType(ContentType.JSON)
                .body("{\"key\": \"" + m.key() + "\", \"fingerprint\": \"" + m.fingerprint() + "\"" + (user == null ? "" : ", \"user\": \"" + user + "\"") + "}")
                .post("/v1/licenses/validate").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse use(Machine m, String purpose, String user) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"key": "%s", "fingerprint": "%s", "meter": "api-calls", "quantity": 5, "purpose": "%s"%s}"""
                .formatted(m.key(), m.fingerprint(), purpose, user == null ? "" : ", \"user\": \"" + user + "\"")).post("/v1/usage").then();
    }

    @Test
    void validation_answers_carry_the_account_machine_and_user_opt_outs_with_their_versions_and_follow_each_change() {
        Machine m = machine("enforce-1");
        validate(m, "ulla").body("optOuts.optedOut", equalTo(List.of())).body("optOuts.machine.version", equalTo(0));

        publishState(m.accountId(), OptOutSubject.ACCOUNT, m.accountId().toString(), 1, List.of("sale-or-sharing"), List.of("marketing-email"));
        publishState(m.accountId(), OptOutSubject.MACHINE, m.fingerprint(), 3, List.of("telemetry"), null);
        await().atMost(WAIT).untilAsserted(() -> validate(m, "ulla")
                .body("optOuts.optedOut", equalTo(List.of("marketing-email", "sale-or-sharing", "telemetry")))
                .body("optOuts.account.version", equalTo(1)).body("optOuts.account.optedOut", equalTo(List.of("sale-or-sharing")))
                .body("optOuts.machine.id", equalTo("enforce-1")).body("optOuts.machine.version", equalTo(3))
                .body("optOuts.user.id", equalTo("ulla")).body("optOuts.user.version", equalTo(0))
                .body("optOuts.user.optedOut", equalTo(List.of("marketing-email"))).body("scope.user", equalTo("ulla")));

        publishState(m.accountId(), OptOutSubject.USER, "ulla", 2, List.of(), null);
        publishState(m.accountId(), OptOutSubject.MACHINE, m.fingerprint(), 4, List.of(), null);
        await().atMost(WAIT).untilAsserted(() -> validate(m, "ulla").body("optOuts.optedOut", equalTo(List.of("sale-or-sharing")))
                .body("optOuts.user.version", equalTo(2)).body("optOuts.machine.version", equalTo(4)));
        // A replayed older state changes nothing.
        publishState(m.accountId(), OptOutSubject.MACHINE, m.fingerprint(), 3, List.of("telemetry"), null);
        publishState(m.accountId(), OptOutSubject.USER, "ulla", 3, List.of("crash-reports"), null);
        await().atMost(WAIT).untilAsserted(() -> validate(m, "ulla").body("optOuts.user.version", equalTo(3)));
        validate(m, "ulla").body("optOuts.machine.version", equalTo(4)).body("optOuts.machine.optedOut", equalTo(List.of()));
    }

    @Test
    void a_purpose_the_account_adds_later_applies_its_default_to_subjects_that_chose_before() {
        Machine m = machine("enforce-later");
        publishState(m.accountId(), OptOutSubject.USER, "lena", 2, List.of("telemetry"), null);
        publishState(m.accountId(), OptOutSubject.ACCOUNT, m.accountId().toString(), 1, List.of(), List.of("beta-program"));
        await().atMost(WAIT).untilAsserted(() -> validate(m, "lena").body("optOuts.user.version", equalTo(2))
                .body("optOuts.user.optedOut", equalTo(List.of("beta-program", "telemetry")))
                .body("optOuts.machine.optedOut", equalTo(List.of("beta-program"))));
    }

    @Test
    void a_license_token_carries_the_opt_outs_and_the_verifier_answers_may_i_collect() {
        Machine probe = machine("enforce-token");
        publishState(probe.accountId(), OptOutSubject.ACCOUNT, probe.accountId().toString(), 2, List.of("sale-or-sharing"), List.of("marketing-email"));
        publishState(probe.accountId(), OptOutSubject.MACHINE, "enforce-token", 5, List.of("telemetry"), null);
        await().atMost(WAIT).untilAsserted(() -> validate(probe, null).body("optOuts.machine.version", equalTo(5)));

        String token = given().header("Authorization", "License " + probe.key()).contentType(ContentType.JSON)
                .post("/v1/activations/" + activationOf(probe) + "/token").then().statusCode(200).extract().path("token");
        LicenseVerifier verifier = LicenseVerifier.builder()
                .jwks(JwksSource.url(URI.create("http://localhost:" + RestAssured.port + "/.well-known/jwks.json"))).minRefreshInterval(Duration.ZERO).build();
        LicenseClaims claims = verifier.verify(token, Check.machine("enforce-token")).license().orElseThrow();
        assertThat(claims.mayCollect("crash-reports")).isTrue();
        assertThat(claims.mayCollect("telemetry")).isFalse();
        assertThat(claims.mayCollect("sale-or-sharing")).isFalse();
        assertThat(claims.optOuts().machine().version()).isEqualTo(5);
        assertThat(claims.optOuts().account().version()).isEqualTo(2);
        assertThat(claims.optOuts().mayCollectForUnnamedSubject("marketing-email")).isFalse();
        assertThat(claims.optOuts().mayCollectForUnnamedSubject("telemetry")).isTrue();
    }

    @Test
    void a_usage_report_for_an_opted_out_purpose_is_refused_counted_nowhere_and_caught_as_a_violation() {
        Machine m = machine("enforce-usage");
        publishState(m.accountId(), OptOutSubject.USER, "vera", 6, List.of("usage-analytics"), null);
        await().atMost(WAIT).untilAsserted(() -> validate(m, "vera").body("optOuts.user.version", equalTo(6)));
        double before = violations();

        use(m, "usage-analytics", "vera").statusCode(409).contentType("application/problem+json").body("code", equalTo("opted-out-purpose"));
        assertThat(TestDatabase.count(Licensing.DB, "SELECT count(*) FROM usage_record WHERE license_id = ?", m.licenseId())).isZero();
        List<JsonNode> caught = outbox("OptOutViolationCaught", m.licenseId());
        assertThat(caught).hasSize(1);
        assertThat(EventSchemas.violations(caught.get(0))).isEmpty();
        assertThat(caught.get(0).at("/payload/subject/kind").asText()).isEqualTo("user");
        assertThat(caught.get(0).at("/payload/subject/id").asText()).isEqualTo("vera");
        assertThat(caught.get(0).at("/payload/optOutVersion").asLong()).isEqualTo(6);
        assertThat(caught.get(0).at("/payload/action").asText()).isEqualTo("REFUSED");
        assertThat(violations()).isEqualTo(before + 1);
        // As Debezium publishes it (without the null client of a key-only report), it still meets its schema.
        var published = TestKafka.await(Topics.LICENSE_EVENTS, r -> r.value().contains("\"OptOutViolationCaught\"")
                && r.key().equals(m.licenseId().toString()), WAIT).orElseThrow();
        JsonNode event = Licensing.read(published.value());
        assertThat(EventSchemas.violations(event)).isEmpty();
        assertThat(event.at("/payload/purpose").asText()).isEqualTo("usage-analytics");

        use(m, "crash-reports", "vera").statusCode(201);
        use(m, "usage-analytics", "someone-else").statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "bad-purpose").body("""
                {"key": "%s", "fingerprint": "%s", "meter": "api-calls", "quantity": 5, "purpose": "Not A Purpose"}""".formatted(m.key(), m.fingerprint()))
                .post("/v1/usage").then().statusCode(400).body("code", equalTo("validation-failed"));
    }

    private static String activationOf(Machine m) {
        return TestDatabase.text(Licensing.DB, "SELECT id::text FROM activation WHERE license_id = ? AND fingerprint = ?", m.licenseId(), m.fingerprint());
    }

    private static double violations() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("licenseflow_optout_violations_total{") && l.contains("purpose=\"usage-analytics\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
