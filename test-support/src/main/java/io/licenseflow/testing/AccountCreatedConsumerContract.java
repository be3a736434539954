package io.licenseflow.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.Topics;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every consumer of AccountCreated must do, over the real Kafka broker: apply the event, apply it once
 * however often it is delivered, park undecodable records on its dead-letter topic without stalling, and
 * guard its read of the result. A service's test extends this and names its table and consumer.
 */
public abstract class AccountCreatedConsumerContract {

    private static final String DUPLICATES = "outcome=\"duplicate\"";

    /** The service's database. */
    protected abstract String database();

    /** The table with one row per recorded account, keyed by {@code id}. */
    protected abstract String accountTable();

    /** The consumer name recorded in processed_event. */
    protected abstract String consumer();

    /** The service's dead-letter topic for account events. */
    protected abstract String deadLetterTopic();

    @Test
    void records_the_account_once_even_when_the_event_is_delivered_twice() {
        UUID accountId = UUID.randomUUID();
        EventEnvelope event = TestEvents.accountCreated(accountId, "Twice Delivered Inc");
        double duplicatesBefore = duplicates();

        TestKafka.publish(Topics.ACCOUNT_EVENTS, event);
        TestKafka.publish(Topics.ACCOUNT_EVENTS, event);

        // Up to Kafka's session timeout (45 s) and a rebalance: often the first consumer test of a boot, it may wait for the
        // group to drop members a killed JVM left behind (a run stopped midway, the end-to-end tests' services).
        await().atMost(Duration.ofSeconds(75)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + accountId)
                        .then().statusCode(200)
                        .body("name", equalTo("Twice Delivered Inc"))
                        .body("sourceEventId", equalTo(event.id().toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);

        assertThat(TestDatabase.count(database(), "SELECT count(*) FROM " + accountTable() + " WHERE id = ?", accountId)).isEqualTo(1);
        assertThat(TestDatabase.count(database(), "SELECT count(*) FROM processed_event WHERE event_id = ? AND consumer = ?",
                event.id(), consumer())).isEqualTo(1);
    }

    @Test
    void a_failed_effect_rolls_back_with_its_event_id_and_is_retried() {
        UUID accountId = UUID.randomUUID();
        String name = "Fails Once " + accountId;
        EventEnvelope event = TestEvents.accountCreated(accountId, name);
        // The first attempt's insert fails. Had its processed_event row survived the rollback, the retry would be
        // skipped as a duplicate and the account never recorded.
        String cleanUp = TestDatabase.failInserts(database(), accountTable(), "name", name, 1);
        try {
            TestKafka.publish(Topics.ACCOUNT_EVENTS, event);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + accountId)
                            .then().statusCode(200).body("name", equalTo(name)));
            assertThat(TestDatabase.count(database(), "SELECT count(*) FROM processed_event WHERE event_id = ? AND consumer = ?",
                    event.id(), consumer())).isEqualTo(1);
        } finally {
            TestDatabase.execute(database(), cleanUp);
        }
    }

    @Test
    void an_event_of_another_schema_version_is_left_alone() {
        UUID accountId = UUID.randomUUID();
        EventEnvelope v1 = TestEvents.accountCreated(accountId, "Version Two");
        EventEnvelope v2 = new EventEnvelope(v1.id(), v1.type(), 2, v1.source(), v1.aggregateType(), v1.aggregateId(),
                v1.occurredAt(), v1.payload(), v1.correlationId());
        UUID marker = UUID.randomUUID();
        TestKafka.publish(Topics.ACCOUNT_EVENTS, v2);
        // Same key, same partition: once the marker is applied, the v2 event has been seen.
        TestKafka.publish(Topics.ACCOUNT_EVENTS, TestEvents.accountCreatedWithKey(marker, accountId.toString(), "Marker"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + marker).then().statusCode(200));
        given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + accountId).then().statusCode(404);
        assertThat(TestDatabase.count(database(), "SELECT count(*) FROM processed_event WHERE event_id = ?", v2.id())).isZero();
    }

    @Test
    void an_undecodable_record_goes_to_the_dead_letter_topic_and_does_not_block_the_next_event() {
        UUID accountId = UUID.randomUUID();
        String poison = "{\"not\":\"an event\",\"marker\":\"" + accountId + "\"}";
        TestKafka.publishRaw(Topics.ACCOUNT_EVENTS, accountId.toString(), poison);
        TestKafka.publish(Topics.ACCOUNT_EVENTS, TestEvents.accountCreated(accountId, "After Poison"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + accountId).then().statusCode(200));
        assertThat(TestKafka.await(deadLetterTopic(), r -> poison.equals(r.value()), Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void reads_are_guarded_and_unknown_accounts_are_404() {
        UUID unknown = UUID.randomUUID();
        given().get("/v1/accounts/" + unknown).then().statusCode(401);
        given().auth().oauth2(TestTokens.customerOf(UUID.randomUUID())).get("/v1/accounts/" + unknown)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.operator()).get("/v1/accounts/" + unknown)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
    }

    private double duplicates() {
        return TestMetrics.value("licenseflow_events_consumed_total", DUPLICATES, "consumer=\"" + consumer() + "\"");
    }
}
