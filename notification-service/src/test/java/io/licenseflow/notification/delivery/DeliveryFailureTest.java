package io.licenseflow.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.EventSchemas;
import io.licenseflow.events.Topics;
import io.licenseflow.notification.Customers;
import io.licenseflow.testing.SmtpFaults;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestKeys;
import io.licenseflow.testing.TestMailbox;
import io.licenseflow.testing.TestMetrics;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What the mail server refuses: transient refusals are retried with back-off until the message goes through, permanent
 * ones fail at once; a failure is in the log, the metrics and a NoticeFailed event as Debezium publishes it. The
 * refusals come from {@link SmtpFaults} in front of the real server (GreenMail cannot be told to refuse).
 */
@QuarkusTest
@WithLocalStack(database = "notification", mail = true)
class DeliveryFailureTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Test
    void a_transient_refusal_is_retried_until_the_message_goes_through() {
        Customers customer = Customers.created("Busy Corp", "en");
        SmtpFaults.refuse(customer.email(), "451 4.3.0 mailbox busy, try again later", 2);
        UUID licenseId = UUID.randomUUID();
        customer.licenseIssued(licenseId, "team-annual", 1, Instant.parse("2027-06-01T00:00:00Z"));
        var expiring = customer.expiring(licenseId, Instant.parse("2027-06-01T00:00:00Z"));

        TestMailbox.await(customer.email(), 1, WITHIN);
        assertThat(TestDatabase.text("notification", "SELECT status || ' ' || attempts || ' ' || coalesce(last_error, '-') FROM notice WHERE trigger_event_id = ?::uuid",
                expiring.id().toString())).isEqualTo("sent 3 -");
        assertThat(TestMetrics.value("licenseflow_notices_total", "template", "license-expiring", "outcome", "retried")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_permanent_refusal_fails_at_once_with_a_metric_and_an_event_and_an_operator_can_resend_it() throws Exception {
        Customers customer = Customers.created("Gone Corp", "en");
        SmtpFaults.refuse(customer.email(), "550 5.1.1 mailbox unavailable");
        double failedBefore = TestMetrics.value("licenseflow_notices_total", "template", "license-expiring", "outcome", "failed");
        UUID licenseId = UUID.randomUUID();
        customer.licenseIssued(licenseId, "team-annual", 1, Instant.parse("2027-06-01T00:00:00Z"));
        var expiring = customer.expiring(licenseId, Instant.parse("2027-06-01T00:00:00Z"));

        Awaitility.await().atMost(WITHIN).until(() -> "failed".equals(TestDatabase.text("notification",
                "SELECT status FROM notice WHERE trigger_event_id = ?::uuid", expiring.id().toString())));
        String noticeId = TestDatabase.text("notification", "SELECT id FROM notice WHERE trigger_event_id = ?::uuid", expiring.id().toString());
        given().auth().oauth2(TestTokens.operator()).get("/v1/notices/{id}", noticeId).then().statusCode(200)
                .body("attempts", equalTo(1)).body("smtpReplyCode", equalTo(550)).body("lastError", equalTo("550 5.1.1 mailbox unavailable"))
                .body("recipient", equalTo(customer.email()));
        assertThat(TestMetrics.value("licenseflow_notices_total", "template", "license-expiring", "outcome", "failed")).isEqualTo(failedBefore + 1);

        var record = TestKafka.await(Topics.NOTICE_EVENTS, r -> r.value().contains(noticeId), WITHIN).orElseThrow();
        assertThat(record.key()).isEqualTo(customer.accountId().toString());
        JsonNode event = EventJson.MAPPER.readTree(record.value());
        assertThat(EventSchemas.violations(event)).isEmpty();
        assertThat(event.path("type").asText()).isEqualTo("NoticeFailed");
        assertThat(event.at("/payload/permanent").asBoolean()).isTrue();
        assertThat(event.at("/payload/smtpReplyCode").asInt()).isEqualTo(550);
        assertThat(event.at("/payload/triggerEventId").asText()).isEqualTo(expiring.id().toString());

        SmtpFaults.clear(customer.email());
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{}").post("/v1/notices/{id}/resend", noticeId)
                .then().statusCode(202);
        assertThat(TestMailbox.await(customer.email(), 1, WITHIN).get(0).subject()).startsWith("Your Acme Studio license expires on");
    }

    @Test
    void a_notice_refused_until_its_retry_window_closes_fails_as_not_permanent() {
        Customers customer = Customers.created("Flaky Corp", "en");
        SmtpFaults.refuse(customer.email(), "421 4.7.0 too many connections");
        UUID licenseId = UUID.randomUUID();
        customer.licenseIssued(licenseId, "team-annual", 1, Instant.parse("2027-06-01T00:00:00Z"));
        var expiring = customer.expiring(licenseId, Instant.parse("2027-06-01T00:00:00Z"));
        Awaitility.await().atMost(WITHIN).until(() -> TestDatabase.count("notification",
                "SELECT count(*) FROM notice WHERE trigger_event_id = ?::uuid AND attempts >= 1", expiring.id().toString()) == 1);
        // the 24-hour window, shortened
        TestDatabase.execute("notification", "UPDATE notice SET retry_until = now() + interval '1 second' WHERE trigger_event_id = '" + expiring.id() + "'");

        Awaitility.await().atMost(WITHIN).until(() -> "failed".equals(TestDatabase.text("notification",
                "SELECT status FROM notice WHERE trigger_event_id = ?::uuid", expiring.id().toString())));
        assertThat(TestDatabase.text("notification", "SELECT last_error FROM notice WHERE trigger_event_id = ?::uuid", expiring.id().toString()))
                .startsWith("gave up after").contains("421 4.7.0 too many connections");
        String noticeId = TestDatabase.text("notification", "SELECT id FROM notice WHERE trigger_event_id = ?::uuid", expiring.id().toString());
        var record = TestKafka.await(Topics.NOTICE_EVENTS, r -> r.value().contains(noticeId), WITHIN).orElseThrow();
        assertThat(record.value()).contains("\"permanent\":false");
        SmtpFaults.clear(customer.email());
    }

    @Test
    void a_key_hand_off_that_does_not_open_fails_without_a_trace_of_any_key() {
        Customers customer = Customers.created("Mixed Corp", "en");
        UUID licenseId = UUID.randomUUID();
        customer.licenseIssued(licenseId, "team-annual", 1, null);
        // a hand-off made for another license, replayed under this one
        String key = TestKeys.keyShaped();
        var replayed = customer.keyIssued(licenseId, key, "ISSUED", UUID.randomUUID());
        Awaitility.await().atMost(WITHIN).until(() -> TestDatabase.count("notification",
                "SELECT count(*) FROM notice WHERE trigger_event_id = ?::uuid AND status = 'failed'", replayed.id().toString()) == 2);
        assertThat(TestDatabase.text("notification", "SELECT last_error FROM notice WHERE trigger_event_id = ?::uuid LIMIT 1", replayed.id().toString()))
                .contains("the hand-off is for another license").doesNotContain(key.substring(3, 12));
        assertThat(TestMailbox.messages(customer.email())).isEmpty();
    }
}
