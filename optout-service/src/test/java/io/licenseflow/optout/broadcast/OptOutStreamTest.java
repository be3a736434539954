package io.licenseflow.optout.broadcast;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.optout.optout.OptOuts;
import io.licenseflow.testing.EventStreamClient;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SSE at /v1/optouts/stream: filtered, live, and resumed by Last-Event-ID with no gap and no duplicate. */
@QuarkusTest
@WithLocalStack(database = "optout")
class OptOutStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/v1/optouts/stream")
    URL stream;

    @Test
    void a_subscriber_gets_each_matching_change_live_and_after_reconnecting_exactly_what_it_missed() throws Exception {
        UUID account = OptOuts.account();
        UUID other = OptOuts.account();
        String url = stream + "?account=" + account;
        String firstId;
        try (EventStreamClient sse = new EventStreamClient(url, TestTokens.optoutClient(), null)) {
            assertThat(sse.status).isEqualTo(200);
            assertThat(sse.next(WAIT).name()).isEqualTo("ready");
            OptOuts.set(other, "elsewhere", "telemetry", true);
            OptOuts.set(account, "s-1", "telemetry", true);
            EventStreamClient.Event first = sse.next(WAIT);
            assertThat(first.name()).isEqualTo("optout.changed");
            assertThat(first.data()).contains("\"s-1\"").contains("\"OptOutChanged\"");
            firstId = first.id();
        }
        for (int i = 2; i <= 4; i++) {
            OptOuts.set(account, "s-" + i, "telemetry", true);
        }
        try (EventStreamClient resumed = new EventStreamClient(url, TestTokens.optoutClient(), firstId)) {
            List<String> subjects = new ArrayList<>();
            EventStreamClient.Event e;
            while (subjects.size() < 3 && (e = resumed.next(WAIT)) != null) {
                if ("optout.changed".equals(e.name())) {
                    subjects.add(subjectOf(e));
                }
            }
            // Kafka orders changes per subject (a subject's key picks its partition), not across subjects.
            assertThat(subjects).containsExactlyInAnyOrder("s-2", "s-3", "s-4");
            OptOuts.set(account, "s-5", "telemetry", true);
            assertThat(subjectOf(resumed.next("optout.changed", WAIT))).isEqualTo("s-5");
            EventStreamClient.Event extra = resumed.poll(Duration.ofSeconds(1));
            assertThat(extra == null || !"optout.changed".equals(extra.name())).as("no duplicate").isTrue();
        }
    }

    @Test
    void a_subscriber_further_behind_than_the_replica_remembers_is_caught_up_from_kafka() throws Exception {
        UUID account = OptOuts.account();
        String url = stream + "?account=" + account + "&purpose=telemetry";
        String readyId;
        try (EventStreamClient sse = new EventStreamClient(url, TestTokens.optoutClient(), null)) {
            readyId = sse.next(WAIT).id();
        }
        // The test profile keeps 5 changes in memory; these lie further back (with others filtered out between them).
        for (int i = 1; i <= 8; i++) {
            OptOuts.set(account, "k-" + i, "telemetry", true);
            OptOuts.set(account, "k-" + i, "crash-reports", true);
        }
        OptOuts.set(account, "k-1", "telemetry", false);
        try (EventStreamClient resumed = new EventStreamClient(url, TestTokens.optoutClient(), readyId)) {
            List<String> changes = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                JsonNode payload = EventJson.MAPPER.readTree(resumed.next("optout.changed", WAIT).data()).path("payload");
                changes.add(payload.path("subject").path("id").asText() + "=" + payload.path("optedOut").asBoolean());
            }
            assertThat(changes).containsExactlyInAnyOrder("k-1=true", "k-2=true", "k-3=true", "k-4=true", "k-5=true", "k-6=true",
                    "k-7=true", "k-8=true", "k-1=false");
            assertThat(changes.indexOf("k-1=true")).as("in order per subject").isLessThan(changes.indexOf("k-1=false"));
            EventStreamClient.Event extra = resumed.poll(Duration.ofSeconds(1));
            assertThat(extra == null || !"optout.changed".equals(extra.name())).as("no duplicate").isTrue();
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'optout-broadcast' }.data.subscribers", equalTo(0)));
    }

    @Test
    void an_idle_stream_hears_heartbeats() throws Exception {
        try (EventStreamClient sse = new EventStreamClient(stream + "?account=" + UUID.randomUUID(), TestTokens.optoutClient(), null)) {
            assertThat(sse.next(WAIT).name()).isEqualTo("ready");
            // The test profile beats every second
            await().atMost(Duration.ofSeconds(5)).until(() -> sse.comments.get() >= 2);
        }
    }

    @Test
    void a_stream_ends_when_its_token_expires_and_resumes_with_a_fresh_one() throws Exception {
        UUID account = OptOuts.account();
        String url = stream + "?account=" + account;
        try (EventStreamClient sse = new EventStreamClient(url, TestTokens.optoutClientFor(Duration.ofSeconds(3)), null)) {
            String readyId = sse.next(WAIT).id();
            await().atMost(Duration.ofSeconds(10)).until(sse::ended);
            OptOuts.set(account, "after-expiry", "telemetry", true);
            try (EventStreamClient resumed = new EventStreamClient(url, TestTokens.optoutClient(), readyId)) {
                assertThat(subjectOf(resumed.next("optout.changed", WAIT))).isEqualTo("after-expiry");
            }
        }
    }

    @Test
    void a_malformed_last_event_id_is_refused() throws Exception {
        try (EventStreamClient sse = new EventStreamClient(stream + "?account=" + UUID.randomUUID(), TestTokens.optoutClient(), "0:x")) {
            assertThat(sse.status).isEqualTo(400);
        }
    }

    private static String subjectOf(EventStreamClient.Event e) throws Exception {
        return EventJson.MAPPER.readTree(e.data()).path("payload").path("subject").path("id").asText();
    }

    @Test
    void customers_follow_only_their_account_and_end_users_only_themselves() throws Exception {
        UUID account = OptOuts.account();
        try (EventStreamClient sse = new EventStreamClient(stream + "?account=" + UUID.randomUUID(), TestTokens.customerOf(account), null)) {
            assertThat(sse.status).isEqualTo(403);
        }
        try (EventStreamClient sse = new EventStreamClient(stream + "?account=" + account + "&kind=user&subject=bob", TestTokens.endUser(account, "alice"), null)) {
            assertThat(sse.status).isEqualTo(403);
        }
        try (EventStreamClient sse = new EventStreamClient(stream + "?account=" + account + "&kind=user&subject=alice", TestTokens.endUser(account, "alice"), null)) {
            assertThat(sse.status).isEqualTo(200);
            assertThat(sse.next(WAIT).name()).isEqualTo("ready");
        }
    }
}
