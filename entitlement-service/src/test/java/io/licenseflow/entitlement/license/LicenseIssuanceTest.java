package io.licenseflow.entitlement.license;

import static io.licenseflow.entitlement.license.Licensing.DB;
import static io.licenseflow.entitlement.license.Licensing.outbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestEvents;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestKeys;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** KEY_ASSIGNED: entitlement-service issues one license per onboarding, and its key exists only hashed, sealed and handed off. */
@QuarkusTest
@WithLocalStack(database = "entitlement")
class LicenseIssuanceTest {

    @Test
    void an_onboarding_gets_one_license_whose_key_is_stored_only_hashed_and_handed_off_encrypted() throws Exception {
        String type = Licensing.floatingType("issue");
        UUID onboardingId = UUID.randomUUID();
        UUID accountId = UUID.randomUUID();
        var started = TestEvents.onboardingStarted(onboardingId, accountId, type, 25);
        TestKafka.publish(Topics.ONBOARDING_EVENTS, started);
        TestKafka.publish(Topics.ONBOARDING_EVENTS, started);
        UUID licenseId = Licensing.awaitLicense(onboardingId);

        JsonNode issued = outbox("LicenseIssued", licenseId).get(0);
        assertThat(EventSchemas.violations(issued)).isEmpty();
        assertThat(issued.at("/payload/onboardingId").asText()).isEqualTo(onboardingId.toString());
        assertThat(issued.at("/payload/seatLimit").asInt()).isEqualTo(25);
        assertThat(issued.at("/payload/licenseTypeVersion").asInt()).isEqualTo(1);
        assertThat(issued.get("correlationId").asText()).isEqualTo(started.correlationId());

        JsonNode handoff = outbox("LicenseKeyIssued", licenseId).get(0);
        assertThat(EventSchemas.violations(handoff)).isEmpty();
        String encrypted = handoff.at("/payload/encryptedKey").asText();
        assertThat(TestKeys.handoffHeader(encrypted, "license")).isEqualTo(licenseId.toString());
        String key = TestKeys.openHandoff(encrypted);
        assertThat(key).matches("LF(-[0-9A-HJKMNP-TV-Z]{4}){7}").startsWith(issued.at("/payload/keyPrefix").asText());

        String canonical = key.substring(3).replace("-", "");
        String licenseRow = TestDatabase.text(DB, "SELECT row_to_json(l)::text FROM license l WHERE id = ?", licenseId);
        assertThat(licenseRow).doesNotContain(canonical).doesNotContain(key);
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM outbox WHERE payload::text LIKE ? OR payload::text LIKE ?",
                "%" + canonical + "%", "%" + key + "%")).isZero();

        given().auth().oauth2(TestTokens.operator()).get("/v1/licenses/" + licenseId).then().statusCode(200)
                .body("keyRevealed", equalTo(false)).body("seats.limit", equalTo(25)).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + licenseId + "/reveal-key").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("key", equalTo(key));
        given().auth().oauth2(TestTokens.admin()).post("/v1/licenses/" + licenseId + "/reveal-key").then().statusCode(409)
                .body("code", equalTo("key-already-revealed"));
        assertThat(TestDatabase.text(DB, "SELECT key_sealed FROM license WHERE id = ?", licenseId)).isNull();
        given().auth().oauth2(TestTokens.operator()).get("/v1/licenses/" + licenseId).then().body("keyRevealed", equalTo(true));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestDatabase.count(DB, "SELECT count(*) FROM processed_event WHERE event_id = ?", started.id()) == 1);
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM license WHERE onboarding_id = ?", onboardingId)).isEqualTo(1);
    }

    @Test
    void an_unknown_type_or_seats_the_type_does_not_allow_are_rejected_with_a_reason_and_a_retry_can_succeed() {
        UUID unknownTypeOnboarding = UUID.randomUUID();
        String missingType = "not-yet-" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = UUID.randomUUID();
        TestKafka.publish(Topics.ONBOARDING_EVENTS, TestEvents.onboardingStarted(unknownTypeOnboarding, account, missingType, null));
        String fixedSeats = Licensing.type("fixed-seats", """
                "duration": {"kind": "PERPETUAL"}, "seats": {"model": "NODE_LOCKED", "limit": 3}""");
        UUID tooManySeats = UUID.randomUUID();
        TestKafka.publish(Topics.ONBOARDING_EVENTS, TestEvents.onboardingStarted(tooManySeats, UUID.randomUUID(), fixedSeats, 4));

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox("LicenseIssueRejected", unknownTypeOnboarding).size() == 1
                && outbox("LicenseIssueRejected", tooManySeats).size() == 1);
        JsonNode unknown = outbox("LicenseIssueRejected", unknownTypeOnboarding).get(0);
        assertThat(EventSchemas.violations(unknown)).isEmpty();
        assertThat(unknown.at("/payload/reason").asText()).isEqualTo("UNKNOWN_LICENSE_TYPE");
        assertThat(outbox("LicenseIssueRejected", tooManySeats).get(0).at("/payload/reason").asText()).isEqualTo("SEATS_NOT_ALLOWED");
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM license WHERE onboarding_id IN (?, ?)", unknownTypeOnboarding, tooManySeats)).isZero();

        Licensing.type(missingType.substring(0, missingType.lastIndexOf('-')), "\"duration\": {\"kind\": \"PERPETUAL\"}, \"seats\": {\"model\": \"NODE_LOCKED\", \"limit\": 1}");
        given().auth().oauth2(TestTokens.admin()).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"name\": \"" + missingType + "\", \"displayName\": \"Late\", \"duration\": {\"kind\": \"PERPETUAL\"}, "
                        + "\"seats\": {\"model\": \"NODE_LOCKED\", \"limit\": 1}}")
                .post("/v1/license-types").then().statusCode(201);
        TestKafka.publish(Topics.ONBOARDING_EVENTS, TestEvents.onboardingRetried(unknownTypeOnboarding, account, missingType, null, 2));
        UUID licenseId = Licensing.awaitLicense(unknownTypeOnboarding);
        given().auth().oauth2(TestTokens.operator()).get("/v1/licenses/" + licenseId).then().statusCode(200)
                .body("licenseType", equalTo(missingType)).body("expiresAt", equalTo(null)).body("keyPrefix", matchesPattern("LF-[0-9A-Z]{4}"));
    }

    @Test
    void customers_read_only_their_own_accounts_licenses() {
        var issued = Licensing.issue(Licensing.floatingType("access"), null);
        String own = TestTokens.customerOf(issued.accountId());
        String other = TestTokens.customerOf(UUID.randomUUID());

        given().auth().oauth2(own).get("/v1/licenses/" + issued.licenseId()).then().statusCode(200);
        given().auth().oauth2(own).get("/v1/accounts/" + issued.accountId() + "/licenses").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(issued.licenseId().toString()));
        given().auth().oauth2(other).get("/v1/licenses/" + issued.licenseId()).then().statusCode(404).body("code", equalTo("not-found"));
        given().auth().oauth2(other).get("/v1/accounts/" + issued.accountId() + "/licenses").then().statusCode(403);
        for (String write : List.of("suspend", "revoke", "renew", "rekey", "reveal-key")) {
            assertThat(Licensing.postWithoutBody("/v1/licenses/" + issued.licenseId() + "/" + write, own)).as(write).isEqualTo(403);
        }
    }
}
