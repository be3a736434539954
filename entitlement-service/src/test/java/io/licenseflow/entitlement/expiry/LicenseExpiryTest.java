package io.licenseflow.entitlement.expiry;

import static io.licenseflow.entitlement.license.Licensing.DB;
import static io.licenseflow.entitlement.license.Licensing.outbox;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.entitlement.license.Licensing;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestMetrics;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scheduled end of terms (every second in tests), with terms moved into the past or near future in the database:
 * each event once, however many runs see the license.
 */
@QuarkusTest
@WithLocalStack(database = "entitlement")
class LicenseExpiryTest {

    static void endsIn(UUID licenseId, String interval) {
        TestDatabase.execute(DB, "UPDATE license SET expires_at = now() + interval '" + interval + "' WHERE id = '" + licenseId + "'");
    }

    @Test
    void a_term_near_its_end_is_announced_once_and_at_its_end_the_license_expires_once() throws Exception {
        var issued = Licensing.issue(Licensing.floatingType("expiring"), null);
        endsIn(issued.licenseId(), "2 days");
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox("LicenseExpiring", issued.licenseId()).size() == 1);
        JsonNode expiring = outbox("LicenseExpiring", issued.licenseId()).get(0);
        assertThat(EventSchemas.violations(expiring)).isEmpty();
        assertThat(expiring.get("correlationId").asText()).startsWith("scheduled:license-expiry:");

        endsIn(issued.licenseId(), "-1 minute");
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox("LicenseExpired", issued.licenseId()).size() == 1);
        Thread.sleep(3000); // a few more runs
        assertThat(outbox("LicenseExpired", issued.licenseId())).hasSize(1);
        assertThat(outbox("LicenseExpiring", issued.licenseId())).hasSize(1);
        JsonNode expired = outbox("LicenseExpired", issued.licenseId()).get(0);
        assertThat(EventSchemas.violations(expired)).isEmpty();
        assertThat(expired.at("/payload/status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.at("/payload/actor").asText()).isEqualTo("system");
        given().auth().oauth2(TestTokens.operator()).get("/v1/licenses/" + issued.licenseId()).then().body("status", equalTo("EXPIRED"));

        given().auth().oauth2(TestTokens.operator()).post("/v1/licenses/" + issued.licenseId() + "/renew").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMetrics.value("licenseflow_licenses", "status=\"EXPIRED\"") >= 0);
    }

    @Test
    void a_subscription_renews_itself_unless_cancelled_and_then_it_is_announced_and_expires() {
        String subscription = Licensing.type("monthly", """
                "duration": {"kind": "SUBSCRIPTION", "period": "P1M"}, "seats": {"model": "NODE_LOCKED", "limit": 1}""");
        var renewing = Licensing.issue(subscription, null);
        endsIn(renewing.licenseId(), "-1 minute");
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox("LicenseRenewed", renewing.licenseId()).size() == 1);
        Instant renewedTo = Instant.parse(outbox("LicenseRenewed", renewing.licenseId()).get(0).at("/payload/expiresAt").asText());
        assertThat(renewedTo).isAfter(Instant.now().plus(Duration.ofDays(27)));
        assertThat(outbox("LicenseExpired", renewing.licenseId())).isEmpty();
        assertThat(outbox("LicenseExpiring", renewing.licenseId())).isEmpty();

        var cancelled = Licensing.issue(subscription, null);
        given().auth().oauth2(TestTokens.operator()).contentType("application/json").post("/v1/licenses/" + cancelled.licenseId() + "/cancel")
                .then().statusCode(200);
        endsIn(cancelled.licenseId(), "1 day");
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox("LicenseExpiring", cancelled.licenseId()).size() == 1);
        endsIn(cancelled.licenseId(), "-1 second");
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox("LicenseExpired", cancelled.licenseId()).size() == 1);
        assertThat(outbox("LicenseRenewed", cancelled.licenseId())).isEmpty();
    }

    @Test
    void licenses_and_seat_utilisation_are_gauged_per_type() {
        var issued = Licensing.issue(Licensing.floatingType("gauged"), 4);
        String type = TestDatabase.text(DB, "SELECT license_type_name FROM license WHERE id = ?", issued.licenseId());
        given().contentType("application/json").body("{\"key\": \"" + Licensing.keyOf(issued.licenseId()) + "\", \"fingerprint\": \"g1\"}")
                .post("/v1/activations").then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMetrics.value("licenseflow_seat_utilisation", "type=\"" + type + "\"") == 0.25);
        assertThat(TestMetrics.value("licenseflow_licenses", "type=\"" + type + "\"", "status=\"ACTIVE\"")).isEqualTo(1);
    }
}
