package io.licenseflow.onboarding.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.licenseflow.events.Topics;
import io.licenseflow.onboarding.offer.TestOffers;
import io.licenseflow.testing.KafkaTail;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestMetrics;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduled outbox retention (service-commons' OutboxRetention) on the real stack: rows past retention
 * go, younger rows stay, and deleting published rows puts nothing on the topic (Debezium sees the deletes in
 * the WAL; the Event Router drops them).
 */
@QuarkusTest
@TestProfile(OutboxRetentionTest.PruneEverySecond.class)
@WithLocalStack(database = "onboarding")
class OutboxRetentionTest {

    @BeforeAll
    static void aLicenseTypeIsOnOffer() {
        TestOffers.starterOffered();
    }

    public static class PruneEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("licenseflow.outbox.prune-every", "1s", "licenseflow.outbox.prune-delay", "1s");
        }
    }

    @Test
    void rows_past_retention_are_deleted_younger_rows_stay_and_nothing_is_published_for_the_delete() throws Exception {
        String expired = createAccount("Expired Outbox Ltd");
        String young = createAccount("Young Outbox Ltd");
        for (String id : new String[] {expired, young}) {
            TestKafka.await(Topics.ACCOUNT_EVENTS, r -> id.equals(r.key()), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("AccountCreated for " + id + " was not published"));
        }

        try (KafkaTail tail = KafkaTail.open(Topics.ACCOUNT_EVENTS)) {
            TestDatabase.execute("onboarding",
                    "UPDATE outbox SET createdat = now() - interval '8 days' WHERE aggregateid = '" + expired + "'");
            awaitNoOutboxRow(expired, Duration.ofSeconds(30));
            assertThat(TestDatabase.count("onboarding", "SELECT count(*) FROM outbox WHERE aggregateid = ?", young)).isEqualTo(1);
            assertThat(TestMetrics.value("licenseflow_outbox_pruned_total")).isGreaterThanOrEqualTo(1);

            String marker = createAccount("Marker After Pruning Ltd");
            tail.await(r -> marker.equals(r.key()), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("AccountCreated for " + marker + " was not published"));
            assertThat(tail.drain(Duration.ofSeconds(2)))
                    .as("records published after pruning: only the marker account's event, no delete or tombstone")
                    .isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.key()).isEqualTo(marker);
                        assertThat(r.value()).isNotNull();
                    });
        }
    }

    private static void awaitNoOutboxRow(String aggregateId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (TestDatabase.count("onboarding", "SELECT count(*) FROM outbox WHERE aggregateid = ?", aggregateId) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("outbox row of " + aggregateId + " past retention still there after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private static String createAccount(String name) {
        return given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"contactEmail\":\"outbox@retention.example.com\",\"licenseType\":\"test-starter\"}")
                .post("/v1/accounts").then().statusCode(201).extract().path("id");
    }
}
