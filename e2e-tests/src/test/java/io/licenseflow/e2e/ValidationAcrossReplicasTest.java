package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.verifier.Check;
import io.licenseflow.verifier.JwksSource;
import io.licenseflow.verifier.LicenseVerifier;
import io.licenseflow.verifier.ValidationCode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged entitlement-service replicas answering validations from their own in-memory views: after each change
 * made through one, the other gives the same answer (bar checkedAt) once the change's event arrives, both answers
 * signed with a key both publish; a token issued by one verifies against the other's JWKS.
 */
class ValidationAcrossReplicasTest {

    @Test
    void after_each_change_through_one_replica_the_other_answers_the_same() throws Exception {
        ServiceProcess onboarding = PackagedSuite.service("onboarding");
        ServiceProcess first = PackagedSuite.service("entitlement");
        String backend = KeycloakTokens.backend();
        String type = OfferedTypes.floating("e2e-validate");
        String onboardingId = given().baseUri(onboarding.url()).auth().oauth2(backend).contentType(ContentType.JSON)
                .body("{\"name\": \"Validation Replicas\", \"contactEmail\": \"ops@validate-e2e.example.com\", \"licenseType\": \"" + type + "\"}")
                .post("/v1/accounts").then().statusCode(201).extract().path("onboardingId");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(given().baseUri(onboarding.url()).auth().oauth2(backend)
                .get("/v1/onboardings/" + onboardingId).then().extract().path("steps.find { it.step == 'KEY_ASSIGNED' }.state")));
        String licenseId = given().baseUri(onboarding.url()).auth().oauth2(backend).get("/v1/onboardings/" + onboardingId)
                .then().extract().path("licenseId");
        String admin = KeycloakTokens.user("admin", "admin");
        String key = given().baseUri(first.url()).auth().oauth2(admin).post("/v1/licenses/" + licenseId + "/reveal-key")
                .then().statusCode(200).extract().path("key");

        try (ServiceProcess second = ServiceProcess.start("entitlement", 28099, PackagedSuite.UNLIMITED)) {
            List<String> lags = new ArrayList<>();
            String question = "{\"key\": \"" + key + "\", \"fingerprint\": \"replica-machine\", \"entitlement\": \"core\", \"meter\": \"api-calls\"}";
            sameAnswer(first, second, question, "start", lags);

            Response activated = given().baseUri(first.url()).contentType(ContentType.JSON)
                    .body("{\"key\": \"" + key + "\", \"fingerprint\": \"replica-machine\"}").post("/v1/activations");
            assertThat(activated.statusCode()).isEqualTo(201);
            assertThat(sameAnswer(first, second, question, "activation", lags).path("code").asText()).isEqualTo("VALID");
            LicenseVerifier verifierOfSecond = LicenseVerifier.builder()
                    .jwks(JwksSource.url(URI.create(second.url() + "/.well-known/jwks.json"))).build();
            assertThat(verifierOfSecond.verify(activated.path("licenseToken.token"), Check.machine("replica-machine").entitlement("core")).code())
                    .isEqualTo(ValidationCode.VALID);

            given().baseUri(first.url()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"key\": \"" + key + "\", \"fingerprint\": \"replica-machine\", \"meter\": \"api-calls\", \"quantity\": 1000}")
                    .post("/v1/usage").then().statusCode(201);
            assertThat(sameAnswer(first, second, question, "usage", lags).path("code").asText()).isEqualTo("QUOTA_EXCEEDED");

            given().baseUri(first.url()).auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reason\": \"e2e\"}")
                    .post("/v1/licenses/" + licenseId + "/suspend").then().statusCode(200);
            assertThat(sameAnswer(first, second, question, "suspension", lags).path("code").asText()).isEqualTo("SUSPENDED");
            given().baseUri(second.url()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .post("/v1/licenses/" + licenseId + "/reinstate").then().statusCode(200);
            assertThat(sameAnswer(second, first, question, "reinstatement (through the other replica)", lags).path("code").asText())
                    .isEqualTo("QUOTA_EXCEEDED");
            given().baseUri(first.url()).header("Authorization", "License " + key).delete("/v1/activations/" + activated.path("id"))
                    .then().statusCode(204);
            assertThat(sameAnswer(first, second, question, "deactivation", lags).path("code").asText()).isEqualTo("NOT_ACTIVATED");
            System.out.println("second replica answered as the first after: " + String.join("; ", lags));
        }
    }

    /** Waits until both replicas give the same signed answer; the answer. */
    private static JsonNode sameAnswer(ServiceProcess changed, ServiceProcess other, String question, String change, List<String> lags) {
        JsonNode expected = answer(changed, question);
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> answer(other, question).equals(expected));
        lags.add(change + " " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return expected;
    }

    /** A replica's answer without checkedAt, after checking its signature against that replica's JWKS. */
    private static JsonNode answer(ServiceProcess replica, String question) {
        Response response = given().baseUri(replica.url()).contentType(ContentType.JSON).body(question).post("/v1/licenses/validate");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        Map<String, String> headers = new HashMap<>();
        response.headers().forEach(h -> headers.put(h.getName(), h.getValue()));
        LicenseVerifier verifier = LicenseVerifier.builder().jwks(JwksSource.url(URI.create(replica.url() + "/.well-known/jwks.json"))).build();
        assertThat(verifier.verifyAnswer(200, headers, response.asByteArray())).as("signed answer of " + replica.port()).isTrue();
        try {
            ObjectNode body = (ObjectNode) EventJson.MAPPER.readTree(response.asByteArray());
            body.remove("checkedAt");
            return body;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
