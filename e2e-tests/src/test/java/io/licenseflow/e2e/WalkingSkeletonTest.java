package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestKafka;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path as a product backend sees it: a real Keycloak token, POST /v1/accounts on the packaged
 * onboarding-service, outbox → Debezium → Kafka, and the three packaged consumers recording the account —
 * once, even when Kafka delivers the same event again.
 */
class WalkingSkeletonTest {

    /** Consumer service → (database, table of recorded accounts, consumer name in processed_event). */
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            "entitlement", List.of("entitlement", "licensee_account", "entitlement-service.licensee-accounts"),
            "optout", List.of("optout", "optout_account", "optout-service.account-scopes"),
            "notification", List.of("notification", "recipient", "notification-service.recipients"));

    private static ServiceProcess onboarding;
    private static Map<String, ServiceProcess> consumers;

    @BeforeAll
    static void services() {
        onboarding = PackagedSuite.service("onboarding");
        consumers = Map.of("entitlement", PackagedSuite.service("entitlement"), "optout", PackagedSuite.service("optout"),
                "notification", PackagedSuite.service("notification"));
    }

    @Test
    void an_account_created_by_a_backend_reaches_every_service_exactly_once() throws Exception {
        String token = KeycloakTokens.backend();

        String type = OfferedTypes.floating("walking-skeleton");
        String accountId = given().baseUri(onboarding.url()).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"End To End GmbH\",\"contactEmail\":\"e2e@end-to-end.example.com\",\"licenseType\":\"" + type + "\"}")
                .post("/v1/accounts").then().statusCode(201).extract().path("id");

        for (ServiceProcess consumer : consumers.values()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().baseUri(consumer.url()).auth().oauth2(token).get("/v1/accounts/" + accountId)
                            .then().statusCode(200).body("name", equalTo("End To End GmbH")));
        }

        var record = TestKafka.await(Topics.ACCOUNT_EVENTS, r -> accountId.equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        JsonNode event = EventJson.MAPPER.readTree(record.value());
        assertThat(EventSchemas.violations(event)).isEmpty();
        String eventId = event.get("id").asText();

        // At-least-once: the same record arrives again. Every consumer must see it and change nothing.
        Map<String, Double> duplicatesBefore = duplicateCounts();
        TestKafka.redeliver(record);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Double> now = duplicateCounts();
            CONSUMERS.keySet().forEach(s -> assertThat(now.get(s)).as(s + " saw the redelivery").isGreaterThan(duplicatesBefore.get(s)));
        });
        CONSUMERS.forEach((service, where) -> {
            assertThat(TestDatabase.count(where.get(0), "SELECT count(*) FROM " + where.get(1) + " WHERE id = ?::uuid", accountId))
                    .as(service + " recorded the account once").isEqualTo(1);
            assertThat(TestDatabase.count(where.get(0), "SELECT count(*) FROM processed_event WHERE event_id = ?::uuid AND consumer = ?",
                    eventId, where.get(2))).as(service + " processed the event once").isEqualTo(1);
            given().baseUri(consumers.get(service).url()).auth().oauth2(token).get("/v1/accounts/" + accountId)
                    .then().statusCode(200).body("sourceEventId", equalTo(eventId));
        });
    }

    @Test
    void keycloak_roles_guard_the_api() {
        String customer = KeycloakTokens.user("customer", "customer");
        given().baseUri(onboarding.url()).auth().oauth2(customer).contentType(ContentType.JSON)
                .body("{\"name\":\"Nope\",\"contactEmail\":\"nope@nope.example.com\",\"licenseType\":\"any-type\"}")
                .post("/v1/accounts").then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().baseUri(onboarding.url()).contentType(ContentType.JSON)
                .body("{\"name\":\"Nope\",\"contactEmail\":\"nope@nope.example.com\",\"licenseType\":\"any-type\"}")
                .post("/v1/accounts").then().statusCode(401);

        // The demo customer's token carries account_id (an admin-only user attribute): only that account is theirs.
        String demoCustomersAccount = "7d0b8f57-6c8e-4a44-9d3b-3f2a5e1c9a01";
        // Their own account is past the role check: found once the demo seed (DemoSeedTest) has created it, not-found before.
        boolean seeded = TestDatabase.count("onboarding", "SELECT count(*) FROM account WHERE id = ?::uuid", demoCustomersAccount) == 1;
        given().baseUri(onboarding.url()).auth().oauth2(customer).get("/v1/accounts/" + demoCustomersAccount)
                .then().statusCode(seeded ? 200 : 404);
        given().baseUri(onboarding.url()).auth().oauth2(customer).get("/v1/accounts/" + java.util.UUID.randomUUID())
                .then().statusCode(403).body("code", equalTo("forbidden"));

        String operator = KeycloakTokens.user("operator", "operator");
        given().baseUri(onboarding.url()).auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"name\":\"Typo\",\"contactEmail\":\"no-at-sign\",\"licenseType\":\"any-type\"}")
                .post("/v1/accounts").then().statusCode(400).body("code", equalTo("validation-failed"));
    }

    private static Map<String, Double> duplicateCounts() {
        Map<String, Double> counts = new java.util.HashMap<>();
        consumers.forEach((service, process) -> {
            String metrics = given().baseUri(process.url()).get("/q/metrics").then().statusCode(200).extract().asString();
            double sum = metrics.lines()
                    .filter(l -> l.startsWith("licenseflow_events_consumed_total{") && l.contains("outcome=\"duplicate\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
            counts.put(service, sum);
        });
        return counts;
    }
}
