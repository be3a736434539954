package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.licenseflow.testing.EventStreamClient;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every link of an opt-out, on the packaged services: a user's opt-out through optout-service's API reaches an SSE
 * subscriber, entitlement-service's validation answers (through the compacted state topic), and refuses a usage report
 * for that purpose, which comes back into optout-service's compliance log as a violation caught.
 */
class OptOutEnforcementEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void an_opt_out_is_broadcast_enforced_by_validation_and_usage_and_its_violation_logged() throws Exception {
        ServiceProcess onboarding = PackagedSuite.service("onboarding");
        ServiceProcess entitlement = PackagedSuite.service("entitlement");
        ServiceProcess optout = PackagedSuite.service("optout");
        String backend = KeycloakTokens.backend();
        String type = OfferedTypes.floating("e2e-optout");
        var created = given().baseUri(onboarding.url()).auth().oauth2(backend).contentType(ContentType.JSON)
                .body("{\"name\": \"Opt-Out End To End\", \"contactEmail\": \"privacy@optout-e2e.example.com\", \"licenseType\": \"" + type + "\"}")
                .post("/v1/accounts").then().statusCode(201).extract();
        String account = created.path("id");
        String onboardingId = created.path("onboardingId");
        String licenseId = await().atMost(WAIT).until(() -> given().baseUri(onboarding.url()).auth().oauth2(backend)
                .get("/v1/onboardings/" + onboardingId).then().extract().path("licenseId"), id -> id != null);
        String key = given().baseUri(entitlement.url()).auth().oauth2(KeycloakTokens.user("operator", "operator"))
                .post("/v1/licenses/" + licenseId + "/reveal-key").then().statusCode(200).extract().path("key");
        given().baseUri(entitlement.url()).contentType(ContentType.JSON).body("{\"key\": \"" + key + "\", \"fingerprint\": \"e2e-optout-machine\"}")
                .post("/v1/activations").then().statusCode(201);
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(optout.url()).auth().oauth2(backend).get("/v1/accounts/" + account)
                .then().statusCode(200));

        try (EventStreamClient stream = new EventStreamClient(optout.url() + "/v1/optouts/stream?account=" + account, backend, null)) {
            assertThat(stream.status).isEqualTo(200);
            stream.next("ready", Duration.ofSeconds(30));
            given().baseUri(optout.url()).auth().oauth2(backend).contentType(ContentType.JSON).body("""
                    {"changes": [{"accountId": "%s", "subject": {"kind": "user", "id": "erin"}, "purpose": "usage-analytics", "optedOut": true}]}"""
                    .formatted(account)).post("/v1/optouts").then().statusCode(200);
            String data = stream.next("optout.changed", Duration.ofSeconds(30)).data();
            assertThat(data).as("the change reaches the SSE subscriber").contains("\"OptOutChanged\"").contains("\"erin\"")
                    .contains("\"usage-analytics\"");
        }

        String question = "{\"key\": \"" + key + "\", \"fingerprint\": \"e2e-optout-machine\", \"user\": \"erin\"}";
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(entitlement.url()).contentType(ContentType.JSON).body(question)
                .post("/v1/licenses/validate").then().statusCode(200).body("optOuts.user.optedOut", hasItem("usage-analytics"))
                .body("optOuts.user.version", equalTo(1)).body("optOuts.optedOut", hasItem("usage-analytics")));

        given().baseUri(entitlement.url()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"key\": \"" + key + "\", \"fingerprint\": \"e2e-optout-machine\", \"meter\": \"api-calls\", \"quantity\": 1, "
                        + "\"purpose\": \"usage-analytics\", \"user\": \"erin\"}")
                .post("/v1/usage").then().statusCode(409).body("code", equalTo("opted-out-purpose"));

        await().atMost(WAIT).untilAsserted(() -> given().baseUri(optout.url()).auth().oauth2(KeycloakTokens.user("operator", "operator"))
                .queryParam("account", account).get("/v1/audit").then().statusCode(200)
                .body("items.find { it.action == 'VIOLATION_CAUGHT' }.subjectId", equalTo("erin"))
                .body("items.find { it.action == 'VIOLATION_CAUGHT' }.subjectVersion", equalTo(1)));
        given().baseUri(optout.url()).auth().oauth2(KeycloakTokens.user("operator", "operator")).get("/v1/audit/verify").then()
                .statusCode(200).body("valid", equalTo(true));
    }
}
