package io.licenseflow.notification.crm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.notification.Customers;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestMetrics;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WebhookReceiver;
import io.licenseflow.testing.WithLocalStack;
import io.licenseflow.testing.crm.HubSpotStandIn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Licensing data reaches the CRM from the events: HubSpot through its public API (against a stand-in replaying its
 * documented requests and responses: HubSpot's servers cannot run here) and any receiver of signed JSON (Standard
 * Webhooks, verified with the reference library); retried when the CRM is busy or down, dead-lettered when it refuses.
 */
@QuarkusTest
@WithLocalStack(database = "notification", mail = true)
@WithTestResource(CrmStandIns.class)
class CrmSyncTest {

    /** Generous: the first event after this class's own boot may wait for its consumer group to settle (a fresh-clone run hit 60 s). */
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final HubSpotStandIn HUBSPOT = CrmStandIns.hubspot();
    private static final WebhookReceiver RECEIVER = CrmStandIns.receiver();

    @Test
    void an_account_its_licenses_seats_and_onboarding_reach_hubspot_and_the_webhook() throws Exception {
        Customers customer = Customers.created("CRM Corp", "de-AT");
        Customers.OnboardedLicense onboarded = customer.onboarded("crm");
        UUID licenseId = onboarded.licenseId();
        String type = onboarded.type();
        String keyPrefix = onboarded.keyPrefix();

        Awaitility.await().atMost(WITHIN).untilAsserted(() -> {
            HubSpotStandIn.StoredObject company = HUBSPOT.company(customer.accountId().toString());
            assertThat(company).isNotNull();
            assertThat(company.properties()).containsEntry("name", "CRM Corp").containsEntry("licenseflow_onboarding_status", "completed")
                    .containsEntry("licenseflow_active_licenses", "1").containsEntry("licenseflow_seats_used", "2")
                    .containsEntry("licenseflow_seat_limit", "5").containsEntry("licenseflow_next_expiry", "2027-09-01")
                    .containsEntry("licenseflow_licenses", keyPrefix + " Test " + type + ": ACTIVE, 2/5 seats, until 2027-09-01");
        });
        HubSpotStandIn.StoredObject contact = HUBSPOT.contact(customer.email());
        assertThat(HUBSPOT.companyOfContact(contact.id())).isEqualTo(HUBSPOT.company(customer.accountId().toString()).id());

        Awaitility.await().atMost(WITHIN).untilAsserted(() -> {
            JsonNode data = latestRecord(customer);
            assertThat(data).isNotNull();
            assertThat(data.at("/onboarding/status").asText()).isEqualTo("completed");
            assertThat(data.at("/licenses/0/seatsUsed").asInt()).isEqualTo(2);
        });
        WebhookReceiver.Request request = requestsFor(customer).getLast();
        new Webhook(CrmStandIns.SECRET).verify(request.body(), HttpHeaders.of(request.headers(), (a, b) -> true));
        JsonNode message = EventJson.MAPPER.readTree(request.body());
        assertThat(message.path("type").asText()).isEqualTo("licenseflow.crm.account-synced");
        assertThat(EventSchemas.documentViolations("crm-account-record", 1, message.path("data"))).isEmpty();
        assertThat(message.at("/data/contactEmail").asText()).isEqualTo(customer.email());
        assertThat(message.at("/data/locale").asText()).isEqualTo("de-AT");

        // A later change reaches the CRM too, and the state says synced.
        customer.changed(LicenseChanged.SUSPENDED, licenseId, LicenseStatus.SUSPENDED, Instant.parse("2027-09-01T00:00:00Z"), "unpaid");
        Awaitility.await().atMost(WITHIN).untilAsserted(() -> assertThat(HUBSPOT.company(customer.accountId().toString()).properties())
                .containsEntry("licenseflow_active_licenses", "0").containsEntry("licenseflow_licenses",
                        keyPrefix + " Test " + type + ": SUSPENDED, 2/5 seats, until 2027-09-01"));
        Awaitility.await().atMost(WITHIN).untilAsserted(() -> given().auth().oauth2(TestTokens.token("support-sam", List.of("support"), Map.of()))
                .get("/v1/crm/accounts/{id}", customer.accountId()).then().statusCode(200)
                .body("find { it.connector == 'hubspot' }.status", equalTo("synced")).body("find { it.connector == 'webhook' }.status", equalTo("synced")));
        assertThat(TestMetrics.value("licenseflow_crm_sync_lag_seconds_count", "connector", "hubspot")).isPositive();
    }

    @Test
    void a_busy_or_failing_crm_is_retried_and_the_account_arrives() {
        HUBSPOT.failNext(1, 429, 1);
        HUBSPOT.failNext(1, 500, null);
        Customers customer = Customers.created("Retry Corp", "en");
        Awaitility.await().atMost(WITHIN).until(() -> HUBSPOT.company(customer.accountId().toString()) != null);
        assertThat(TestMetrics.value("licenseflow_crm_sync_total", "connector", "hubspot", "outcome", "retried")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_record_the_crm_refuses_goes_to_the_dead_letter_topic_and_can_be_pushed_again() throws Exception {
        UUID accountId = UUID.randomUUID();
        HUBSPOT.refuse(accountId.toString());
        Customers customer = Customers.created(accountId, "Refused Corp", "en");
        Awaitility.await().atMost(WITHIN).until(() -> "dead".equals(TestDatabase.text("notification",
                "SELECT status FROM crm_sync WHERE account_id = ?::uuid AND connector = 'hubspot'", customer.accountId().toString())));
        var dead = TestKafka.await(Topics.CRM_DEAD_LETTER_EVENTS, r -> r.key().equals(customer.accountId().toString()), WITHIN).orElseThrow();
        JsonNode event = EventJson.MAPPER.readTree(dead.value());
        assertThat(EventSchemas.violations(event)).isEmpty();
        assertThat(event.at("/payload/connector").asText()).isEqualTo("hubspot");
        assertThat(event.at("/payload/permanent").asBoolean()).isTrue();
        assertThat(event.at("/payload/httpStatus").asInt()).isEqualTo(400);
        assertThat(event.at("/payload/reason").asText()).contains("VALIDATION_ERROR");
        assertThat(event.at("/payload/record/name").asText()).isEqualTo("Refused Corp");

        HUBSPOT.accept(accountId.toString());
        given().auth().oauth2(TestTokens.operator()).post("/v1/crm/accounts/{id}/sync", customer.accountId()).then().statusCode(202);
        Awaitility.await().atMost(WITHIN).until(() -> "synced".equals(TestDatabase.text("notification",
                "SELECT status FROM crm_sync WHERE account_id = ?::uuid AND connector = 'hubspot'", customer.accountId().toString())));
        assertThat(HUBSPOT.company(accountId.toString()).properties()).containsEntry("name", "Refused Corp");
        given().auth().oauth2(TestTokens.operator()).post("/v1/crm/accounts/{id}/sync", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().auth().oauth2(TestTokens.customerOf(customer.accountId())).get("/v1/crm/accounts/{id}", customer.accountId()).then().statusCode(403);
    }

    private static List<WebhookReceiver.Request> requestsFor(Customers customer) {
        return RECEIVER.answered(200).stream().filter(r -> r.body().contains(customer.accountId().toString())).toList();
    }

    private static JsonNode latestRecord(Customers customer) throws Exception {
        List<WebhookReceiver.Request> requests = requestsFor(customer);
        return requests.isEmpty() ? null : EventJson.MAPPER.readTree(requests.getLast().body()).path("data");
    }
}
