package io.licenseflow.onboarding.onboarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.onboarding.offer.TestOffers;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestEvents;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestMetrics;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saga as onboarding-service runs it, with entitlement-service's events published as entitlement-service publishes
 * them: each step confirmed once, in order, by its owner's event; failures, retries and stalls.
 */
@QuarkusTest
@WithLocalStack(database = "onboarding")
class OnboardingSagaTest {

    private static final String DB = "onboarding";

    @BeforeAll
    static void aLicenseTypeIsOnOffer() {
        TestOffers.starterOffered();
    }

    record Started(UUID accountId, UUID onboardingId) {
    }

    static Started createAccount(String name) {
        var created = given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"contactEmail\":\"ops@saga.example.com\",\"licenseType\":\"" + TestOffers.STARTER + "\",\"seats\":5}")
                .post("/v1/accounts").then().statusCode(201).extract();
        return new Started(UUID.fromString(created.path("id")), UUID.fromString(created.path("onboardingId")));
    }

    static void publish(EventEnvelope event) {
        TestKafka.publish(Topics.LICENSE_EVENTS, event);
    }

    static void awaitStep(UUID onboardingId, String step, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.operator()).get("/v1/onboardings/" + onboardingId)
                .then().statusCode(200).body("currentStep", equalTo(step)).body("status", equalTo(status)));
    }

    @Test
    void each_step_is_confirmed_by_its_owners_event_persisted_with_it_and_the_onboarding_completes() throws Exception {
        double completedBefore = TestMetrics.value("licenseflow_onboarding_completed_total");
        Started started = createAccount("Saga Happy Path");
        UUID licenseId = UUID.randomUUID();

        given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + started.accountId() + "/onboarding").then().statusCode(200)
                .body("id", equalTo(started.onboardingId().toString()))
                .body("currentStep", equalTo("ACCOUNT_CREATED")).body("waitingFor", equalTo("KEY_ASSIGNED"))
                .body("steps.state", contains("DONE", "WAITING", "PENDING", "PENDING", "PENDING"))
                .body("steps[0].confirmedBy.eventType", equalTo("AccountCreated"));
        JsonNode startedEvent = outbox("OnboardingStarted", started.onboardingId()).get(0);
        assertThat(EventSchemas.violations(startedEvent)).isEmpty();
        assertThat(startedEvent.at("/payload/licenseType").asText()).isEqualTo(TestOffers.STARTER);
        assertThat(startedEvent.at("/payload/seats").asInt()).isEqualTo(5);

        EventEnvelope issued = TestEvents.licenseIssued(started.onboardingId(), started.accountId(), licenseId);
        publish(issued);
        awaitStep(started.onboardingId(), "KEY_ASSIGNED", "IN_PROGRESS");
        EventEnvelope activated = TestEvents.licenseActivated(started.onboardingId(), started.accountId(), licenseId);
        publish(activated);
        awaitStep(started.onboardingId(), "ACTIVATED", "IN_PROGRESS");
        EventEnvelope verified = TestEvents.usageVerified(started.onboardingId(), started.accountId(), licenseId);
        publish(verified);
        awaitStep(started.onboardingId(), "COMPLETED", "COMPLETED");

        given().auth().oauth2(TestTokens.operator()).get("/v1/onboardings/" + started.onboardingId()).then()
                .body("licenseId", equalTo(licenseId.toString()))
                .body("waitingFor", nullValue())
                .body("steps.state", contains("DONE", "DONE", "DONE", "DONE", "DONE"))
                .body("steps.confirmedBy.eventId", contains(notNullValue(), equalTo(issued.id().toString()), equalTo(activated.id().toString()),
                        equalTo(verified.id().toString()), equalTo(verified.id().toString())))
                .body("steps.confirmedAt", contains(notNullValue(), notNullValue(), notNullValue(), notNullValue(), notNullValue()));

        List<JsonNode> progressed = outbox("OnboardingProgressed", started.onboardingId());
        assertThat(progressed).extracting(e -> e.at("/payload/step").asText()).containsExactly("KEY_ASSIGNED", "ACTIVATED", "USAGE_VERIFIED", "COMPLETED");
        progressed.forEach(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        assertThat(progressed.get(0).get("correlationId").asText()).isEqualTo(issued.correlationId());
        assertThat(TestMetrics.value("licenseflow_onboarding_completed_total")).isGreaterThan(completedBefore);
        assertThat(TestMetrics.value("licenseflow_onboarding_step_duration_seconds_count", "step=\"ACTIVATED\"")).isPositive();
    }

    @Test
    void repeated_late_and_out_of_order_events_never_move_a_step() {
        Started started = createAccount("Saga Out Of Order");
        UUID licenseId = UUID.randomUUID();
        double outOfOrderBefore = TestMetrics.value("licenseflow_onboarding_events_ignored_total", "reason=\"out-of-order\"");
        EventEnvelope activatedTooEarly = TestEvents.licenseActivated(started.onboardingId(), started.accountId(), licenseId);
        publish(activatedTooEarly);
        awaitConsumed(activatedTooEarly);
        assertThat(TestMetrics.value("licenseflow_onboarding_events_ignored_total", "reason=\"out-of-order\"")).isGreaterThan(outOfOrderBefore);
        given().auth().oauth2(TestTokens.operator()).get("/v1/onboardings/" + started.onboardingId()).then().body("currentStep", equalTo("ACCOUNT_CREATED"));

        EventEnvelope issued = TestEvents.licenseIssued(started.onboardingId(), started.accountId(), licenseId);
        publish(issued);
        awaitStep(started.onboardingId(), "KEY_ASSIGNED", "IN_PROGRESS");
        publish(TestEvents.licenseActivated(started.onboardingId(), started.accountId(), licenseId));
        awaitStep(started.onboardingId(), "ACTIVATED", "IN_PROGRESS");

        TestKafka.publish(Topics.LICENSE_EVENTS, issued);
        EventEnvelope anotherIssue = TestEvents.licenseIssued(started.onboardingId(), started.accountId(), UUID.randomUUID());
        publish(anotherIssue);
        awaitConsumed(anotherIssue);
        given().auth().oauth2(TestTokens.operator()).get("/v1/onboardings/" + started.onboardingId()).then()
                .body("currentStep", equalTo("ACTIVATED")).body("licenseId", equalTo(licenseId.toString()));
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM onboarding_step_confirmation WHERE onboarding_id = ?", started.onboardingId()))
                .isEqualTo(3);
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM processed_event WHERE event_id = ?", issued.id())).isEqualTo(1);
    }

    @Test
    void a_rejected_key_assignment_fails_the_onboarding_with_its_reason_and_a_retry_resumes_it() {
        Started started = createAccount("Saga Failure");
        publish(TestEvents.licenseIssueRejected(started.onboardingId(), started.accountId(), 1, "UNKNOWN_LICENSE_TYPE"));
        awaitStep(started.onboardingId(), "ACCOUNT_CREATED", "FAILED");
        given().auth().oauth2(TestTokens.operator()).get("/v1/onboardings/" + started.onboardingId()).then()
                .body("failure.step", equalTo("KEY_ASSIGNED")).body("failure.reason", equalTo("UNKNOWN_LICENSE_TYPE"))
                .body("steps[1].state", equalTo("FAILED"));
        JsonNode failed = outbox("OnboardingFailed", started.onboardingId()).get(0);
        assertThat(EventSchemas.violations(failed)).isEmpty();
        assertThat(TestMetrics.value("licenseflow_onboarding_failed_total", "step=\"KEY_ASSIGNED\"", "reason=\"UNKNOWN_LICENSE_TYPE\"")).isPositive();

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"seats\": 4}")
                .post("/v1/onboardings/" + started.onboardingId() + "/retry").then().statusCode(202)
                .body("status", equalTo("IN_PROGRESS")).body("attempt", equalTo(2)).body("seats", equalTo(4)).body("failure", nullValue());
        JsonNode retried = outbox("OnboardingRetried", started.onboardingId()).get(0);
        assertThat(EventSchemas.violations(retried)).isEmpty();
        assertThat(retried.at("/payload/attempt").asInt()).isEqualTo(2);
        assertThat(retried.at("/payload/step").asText()).isEqualTo("KEY_ASSIGNED");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .post("/v1/onboardings/" + started.onboardingId() + "/retry").then().statusCode(409).body("code", equalTo("onboarding-not-failed"));

        EventEnvelope staleRejection = TestEvents.licenseIssueRejected(started.onboardingId(), started.accountId(), 1, "UNKNOWN_LICENSE_TYPE");
        publish(staleRejection);
        awaitConsumed(staleRejection);
        publish(TestEvents.licenseIssued(started.onboardingId(), started.accountId(), UUID.randomUUID()));
        awaitStep(started.onboardingId(), "KEY_ASSIGNED", "IN_PROGRESS");
    }

    @Test
    void the_funnel_counts_onboardings_by_status_and_how_many_reached_and_wait_for_each_step() {
        JsonPath before = funnel();
        Started started = createAccount("Saga Funnel");
        publish(TestEvents.licenseIssueRejected(started.onboardingId(), started.accountId(), 1, "UNKNOWN_LICENSE_TYPE"));
        // Longer than awaitStep: run first after another suite, the consumer may still wait for the group's old members.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(TestTokens.operator())
                .get("/v1/onboardings/" + started.onboardingId()).then().body("status", equalTo("FAILED")));
        JsonPath failed = funnel();
        assertThat(failed.getLong("total") - before.getLong("total")).isEqualTo(1);
        assertThat(failed.getLong("byStatus.FAILED") - before.getLong("byStatus.FAILED")).isEqualTo(1);
        assertThat(reached(failed, "ACCOUNT_CREATED") - reached(before, "ACCOUNT_CREATED")).isEqualTo(1);
        assertThat(reached(failed, "KEY_ASSIGNED") - reached(before, "KEY_ASSIGNED")).isZero();
        assertThat(waiting(failed, "KEY_ASSIGNED") - waiting(before, "KEY_ASSIGNED")).as("a failed onboarding waits for nothing").isZero();

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).post("/v1/onboardings/" + started.onboardingId() + "/retry")
                .then().statusCode(202);
        JsonPath retried = funnel();
        assertThat(retried.getLong("byStatus.FAILED") - before.getLong("byStatus.FAILED")).isZero();
        assertThat(waiting(retried, "KEY_ASSIGNED") - waiting(before, "KEY_ASSIGNED")).isEqualTo(1);

        given().auth().oauth2(TestTokens.customerOf(started.accountId())).get("/v1/onboardings/funnel").then().statusCode(403);
    }

    private static JsonPath funnel() {
        return given().auth().oauth2(TestTokens.operator()).get("/v1/onboardings/funnel").then().statusCode(200).extract().jsonPath();
    }

    private static long reached(JsonPath funnel, String step) {
        return funnel.getLong("steps.find { it.step == '" + step + "' }.reached");
    }

    private static long waiting(JsonPath funnel, String step) {
        return funnel.getLong("steps.find { it.step == '" + step + "' }.waiting");
    }

    @Test
    void a_step_that_waits_too_long_is_reported_stalled_and_continues_when_its_event_arrives() {
        Started started = createAccount("Saga Stall");
        TestDatabase.execute(DB, "UPDATE onboarding SET waiting_since = now() - interval '1 hour' WHERE id = '" + started.onboardingId() + "'");
        awaitStep(started.onboardingId(), "ACCOUNT_CREATED", "STALLED");
        given().auth().oauth2(TestTokens.operator()).get("/v1/onboardings/" + started.onboardingId()).then()
                .body("stalledSince", notNullValue()).body("steps[1].state", equalTo("STALLED"));
        JsonNode stalled = outbox("OnboardingStalled", started.onboardingId()).get(0);
        assertThat(EventSchemas.violations(stalled)).isEmpty();
        assertThat(stalled.at("/payload/waitingFor").asText()).isEqualTo("KEY_ASSIGNED");
        given().auth().oauth2(TestTokens.operator()).queryParam("status", "STALLED").queryParam("limit", 200)
                .get("/v1/onboardings").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(started.onboardingId().toString()));

        publish(TestEvents.licenseIssued(started.onboardingId(), started.accountId(), UUID.randomUUID()));
        awaitStep(started.onboardingId(), "KEY_ASSIGNED", "IN_PROGRESS");
        assertThat(outbox("OnboardingStalled", started.onboardingId())).hasSize(1);
    }

    @Test
    void customers_see_only_their_own_onboarding_and_only_staff_list_or_retry() {
        Started started = createAccount("Saga Access");
        String own = TestTokens.customerOf(started.accountId());
        String other = TestTokens.customerOf(UUID.randomUUID());
        given().auth().oauth2(own).get("/v1/onboardings/" + started.onboardingId()).then().statusCode(200);
        given().auth().oauth2(own).get("/v1/accounts/" + started.accountId() + "/onboarding").then().statusCode(200);
        given().auth().oauth2(other).get("/v1/onboardings/" + started.onboardingId()).then().statusCode(404);
        given().auth().oauth2(other).get("/v1/accounts/" + started.accountId() + "/onboarding").then().statusCode(403);
        given().auth().oauth2(own).get("/v1/onboardings").then().statusCode(403);
        given().auth().oauth2(own).contentType(ContentType.JSON).post("/v1/onboardings/" + started.onboardingId() + "/retry").then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).queryParam("status", "WAITING").get("/v1/onboardings").then().statusCode(400)
                .body("code", equalTo("invalid-parameter")).body("errors[0].field", equalTo("status"));
    }

    @Test
    void put_creates_an_account_under_a_chosen_id_once() {
        UUID id = UUID.randomUUID();
        String body = "{\"name\":\"Chosen Id\",\"contactEmail\":\"ops@chosen.example.com\",\"licenseType\":\"" + TestOffers.STARTER + "\"}";
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body).put("/v1/accounts/" + id).then().statusCode(201)
                .body("id", equalTo(id.toString()));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body).put("/v1/accounts/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body.replace("Chosen Id", "Other Name"))
                .put("/v1/accounts/" + id).then().statusCode(409).body("code", equalTo("account-exists"));
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM outbox WHERE aggregateid = ?", id.toString())).isEqualTo(1);
    }

    private static void awaitConsumed(EventEnvelope event) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(DB, "SELECT count(*) FROM processed_event WHERE event_id = ?", event.id()) == 1);
    }

    private static List<JsonNode> outbox(String type, UUID aggregateId) {
        return TestDatabase.rows(DB, "SELECT payload::text FROM outbox WHERE type = ? AND aggregateid = ? ORDER BY createdat, occurredat", type,
                aggregateId.toString()).stream().map(row -> {
                    try {
                        return EventJson.MAPPER.readTree(row.get(0));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
