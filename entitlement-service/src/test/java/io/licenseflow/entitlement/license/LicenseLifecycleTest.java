package io.licenseflow.entitlement.license;

import static io.licenseflow.entitlement.license.Licensing.outbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.testing.TestKeys;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What operators do to a license, each change an event; what a state does not allow is a 409 that changes nothing. */
@QuarkusTest
@WithLocalStack(database = "entitlement")
class LicenseLifecycleTest {

    @Test
    void suspend_reinstate_revoke_each_publish_their_event_and_revoked_is_final() {
        var issued = Licensing.issue(Licensing.floatingType("lifecycle"), null);
        String license = "/v1/licenses/" + issued.licenseId();
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"reason\": \"payment overdue\"}")
                .post(license + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("payment overdue"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).post(license + "/suspend").then().statusCode(409)
                .body("code", equalTo("license-state-conflict"));
        assertThat(Licensing.postWithoutBody(license + "/reinstate", TestTokens.operator())).isEqualTo(200);
        assertThat(Licensing.postWithoutBody(license + "/revoke", TestTokens.admin())).isEqualTo(200);
        for (String refused : new String[] {"reinstate", "renew", "rekey", "revoke", "suspend"}) {
            assertThat(Licensing.postWithoutBody(license + "/" + refused, TestTokens.admin())).as(refused).isEqualTo(409);
        }

        JsonNode suspended = outbox("LicenseSuspended", issued.licenseId()).get(0);
        assertThat(EventSchemas.violations(suspended)).isEmpty();
        assertThat(suspended.at("/payload/reason").asText()).isEqualTo("payment overdue");
        assertThat(suspended.at("/payload/actor").asText()).isEqualTo("test-operator");
        assertThat(outbox("LicenseReinstated", issued.licenseId())).hasSize(1);
        assertThat(outbox("LicenseRevoked", issued.licenseId())).hasSize(1);
    }

    @Test
    void renew_adds_a_term_and_cancel_stops_a_subscription_renewing() {
        var fixed = Licensing.issue(Licensing.floatingType("renew"), null);
        Instant expiry = Instant.parse(given().auth().oauth2(TestTokens.operator()).get("/v1/licenses/" + fixed.licenseId())
                .then().extract().path("expiresAt"));
        String renewed = given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + fixed.licenseId() + "/renew")
                .then().statusCode(200).extract().path("expiresAt");
        assertThat(Instant.parse(renewed)).isEqualTo(expiry.atZone(ZoneOffset.UTC).plusYears(1).toInstant());
        JsonNode event = outbox("LicenseRenewed", fixed.licenseId()).get(0);
        assertThat(Instant.parse(event.at("/payload/previousExpiresAt").asText())).isEqualTo(expiry);
        given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + fixed.licenseId() + "/cancel").then().statusCode(409);

        var subscription = Licensing.issue(Licensing.type("subscription", """
                "duration": {"kind": "SUBSCRIPTION", "period": "P1M"}, "seats": {"model": "NODE_LOCKED", "limit": 2}"""), null);
        given().auth().oauth2(TestTokens.operator()).get("/v1/licenses/" + subscription.licenseId()).then().body("renewsAutomatically", equalTo(true));
        given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + subscription.licenseId() + "/cancel").then().statusCode(200)
                .body("cancelAtPeriodEnd", equalTo(true)).body("renewsAutomatically", equalTo(false));
        assertThat(outbox("LicenseCancelled", subscription.licenseId())).hasSize(1);

        var perpetual = Licensing.issue(Licensing.type("perpetual", """
                "duration": {"kind": "PERPETUAL"}, "seats": {"model": "NODE_LOCKED", "limit": 1}"""), null);
        given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + perpetual.licenseId() + "/renew").then().statusCode(409)
                .body("code", equalTo("license-state-conflict"));
    }

    @Test
    void rekey_replaces_the_key_and_hands_the_new_one_over() {
        var issued = Licensing.issue(Licensing.floatingType("rekey"), null);
        String firstKey = TestKeys.openHandoff(outbox("LicenseKeyIssued", issued.licenseId()).get(0).at("/payload/encryptedKey").asText());
        given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + issued.licenseId() + "/reveal-key").then().statusCode(200);

        given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + issued.licenseId() + "/rekey").then().statusCode(200)
                .body("keyRevealed", equalTo(false));
        JsonNode rekeyed = outbox("LicenseKeyIssued", issued.licenseId()).get(1);
        assertThat(rekeyed.at("/payload/reason").asText()).isEqualTo("REKEYED");
        String secondKey = TestKeys.openHandoff(rekeyed.at("/payload/encryptedKey").asText());
        assertThat(secondKey).isNotEqualTo(firstKey);
        given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + issued.licenseId() + "/reveal-key").then().statusCode(200)
                .body("key", equalTo(secondKey)).body("key", not(equalTo(firstKey)));
        assertThat(outbox("LicenseRekeyed", issued.licenseId())).hasSize(1);
    }
}
