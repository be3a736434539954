package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.testing.KafkaTail;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestLogs;
import io.licenseflow.testing.TestMailbox;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A whole onboarding on the packaged services, as a product backend and a product on a customer's machine drive it:
 * real Keycloak tokens, every step confirmed by the owning service's event through outbox → Debezium → Kafka, every
 * event checked against its schema as Debezium really published it, and one correlation id from the first request to
 * the onboarding's KEY_ASSIGNED, in events and in the services' JSON logs.
 */
class OnboardingSagaEndToEndTest {

    @Test
    void an_account_is_onboarded_through_all_four_steps_by_the_services_that_own_them() throws Exception {
        ServiceProcess onboarding = PackagedSuite.service("onboarding");
        ServiceProcess entitlement = PackagedSuite.service("entitlement");
        String backend = KeycloakTokens.backend();
        String type = OfferedTypes.floating("e2e-saga");
        String correlationId = "e2e-saga-" + UUID.randomUUID();
        String contact = "ops-" + correlationId.substring(9, 17) + "@saga-e2e.example.com";

        try (KafkaTail licenses = KafkaTail.open(Topics.LICENSE_EVENTS); KafkaTail onboardings = KafkaTail.open(Topics.ONBOARDING_EVENTS);
             KafkaTail keys = KafkaTail.open(Topics.LICENSE_KEY_EVENTS); KafkaTail accounts = KafkaTail.open(Topics.ACCOUNT_EVENTS)) {
            long started = System.nanoTime();
            var created = given().baseUri(onboarding.url()).auth().oauth2(backend).contentType(ContentType.JSON).header("X-Correlation-Id", correlationId)
                    .body("{\"name\": \"Saga End To End\", \"contactEmail\": \"" + contact + "\", \"licenseType\": \"" + type + "\", \"seats\": 3}")
                    .post("/v1/accounts").then().statusCode(201).header("X-Correlation-Id", correlationId).extract();
            String accountId = created.path("id");
            String onboardingId = created.path("onboardingId");

            String licenseId = awaitStep(onboarding, backend, onboardingId, "KEY_ASSIGNED").extract().path("licenseId");
            long keyAssigned = System.nanoTime();

            String key = given().baseUri(entitlement.url()).auth().oauth2(KeycloakTokens.user("operator", "operator"))
                    .post("/v1/licenses/" + licenseId + "/reveal-key").then().statusCode(200).extract().path("key");
            // The product on the customer's machine: no token, the key is the credential.
            given().baseUri(entitlement.url()).contentType(ContentType.JSON)
                    .body("{\"key\": \"" + key + "\", \"fingerprint\": \"e2e-machine\", \"name\": \"E2E machine\", \"platform\": \"linux-x86_64\"}")
                    .post("/v1/activations").then().statusCode(201);
            awaitStep(onboarding, backend, onboardingId, "ACTIVATED");
            long activated = System.nanoTime();

            given().baseUri(entitlement.url()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"key\": \"" + key + "\", \"fingerprint\": \"e2e-machine\", \"meter\": \"api-calls\", \"quantity\": 3}")
                    .post("/v1/usage").then().statusCode(201).body("used", equalTo(3));
            awaitStep(onboarding, backend, onboardingId, "COMPLETED")
                    .body("status", equalTo("COMPLETED"))
                    .body("steps.state", contains("DONE", "DONE", "DONE", "DONE", "DONE"))
                    .body("steps.confirmedBy.eventType", contains("AccountCreated", "LicenseIssued", "LicenseActivated", "UsageVerified", "UsageVerified"));
            long completed = System.nanoTime();
            System.out.printf("e2e onboarding: KEY_ASSIGNED after %d ms, ACTIVATED %d ms after its request, COMPLETED %d ms after the usage%n",
                    (keyAssigned - started) / 1_000_000, (activated - keyAssigned) / 1_000_000, (completed - activated) / 1_000_000);

            // The customer received their key (the same the operator revealed) and how to activate it, by email.
            await().atMost(Duration.ofSeconds(60)).until(() -> TestMailbox.messages(contact).size() >= 2);
            List<TestMailbox.ReceivedMessage> mail = TestMailbox.messages(contact);
            assertThat(mail).filteredOn(m -> m.subject().startsWith("Your Acme Studio license")).singleElement()
                    .satisfies(m -> assertThat(m.text()).contains(key, "Seats: 3")).satisfies(m -> assertThat(m.html()).contains(key));
            assertThat(mail).filteredOn(m -> m.subject().equals("How to activate Acme Studio")).singleElement()
                    .satisfies(m -> assertThat(m.text()).contains("acme-studio activate " + key));

            given().baseUri(entitlement.url()).auth().oauth2(KeycloakTokens.user("customer", "customer")).get("/v1/licenses/" + licenseId)
                    .then().statusCode(404);

            List<JsonNode> published = new ArrayList<>();
            published.addAll(events(accounts, accountId));
            published.addAll(events(onboardings, onboardingId));
            published.addAll(events(licenses, licenseId));
            published.addAll(events(keys, licenseId));
            assertThat(published).extracting(e -> e.get("type").asText()).contains("AccountCreated", "OnboardingStarted", "LicenseIssued",
                    "LicenseKeyIssued", "MachineActivated", "LicenseActivated", "UsageRecorded", "UsageVerified", "OnboardingProgressed");
            published.forEach(event -> assertThat(EventSchemas.violations(event)).as(event.get("type").asText()).isEmpty());
            assertThat(published).filteredOn(e -> List.of("AccountCreated", "OnboardingStarted", "LicenseIssued", "LicenseKeyIssued")
                    .contains(e.get("type").asText())).allMatch(e -> correlationId.equals(e.path("correlationId").asText()));

            List<JsonNode> logged = new ArrayList<>();
            for (ServiceProcess service : List.of(onboarding, entitlement)) {
                logged.addAll(TestLogs.entries(Path.of("target", service.name() + "-service-" + service.port() + ".log")).stream()
                        .filter(e -> correlationId.equals(e.path("mdc").path("correlationId").asText())).toList());
            }
            assertThat(logged).as("log lines carrying the request's correlation id").isNotEmpty()
                    .anyMatch(e -> e.path("loggerName").asText().contains("onboarding") && accountId.equals(e.path("mdc").path("accountId").asText()))
                    .anyMatch(e -> e.path("loggerName").asText().contains("entitlement") && licenseId.equals(e.path("mdc").path("licenseId").asText())
                            && onboardingId.equals(e.path("mdc").path("onboardingId").asText()));
        }
    }

    private static io.restassured.response.ValidatableResponse awaitStep(ServiceProcess onboarding, String token, String onboardingId, String step) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(onboarding.url()).auth().oauth2(token)
                .get("/v1/onboardings/" + onboardingId).then().statusCode(200).body("currentStep", equalTo(step)));
        return given().baseUri(onboarding.url()).auth().oauth2(token).get("/v1/onboardings/" + onboardingId).then();
    }

    private static List<JsonNode> events(KafkaTail tail, String key) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : tail.drain(Duration.ofSeconds(3))) {
            if (key.equals(record.key())) {
                events.add(EventJson.MAPPER.readTree(record.value()));
            }
        }
        return events;
    }
}
