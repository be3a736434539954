package io.licenseflow.optout.broadcast;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.optout.optout.OptOuts;
import io.licenseflow.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.licenseflow.testing.WithLocalStack;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The broadcast over WebSocket at /v1/optouts/ws, read with the JDK's standard WebSocket client. */
@QuarkusTest
@WithLocalStack(database = "optout")
class OptOutSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/v1/optouts/ws")
    URL socket;

    @Test
    void a_subscriber_gets_each_change_live_and_resumes_with_last_event_id() throws Exception {
        UUID account = OptOuts.account();
        String url = socket + "?account=" + account;
        String firstId;
        try (SocketStream ws = new SocketStream(url, TestTokens.optoutClient())) {
            assertThat(ws.status).isEqualTo(101);
            assertThat(ws.next(WAIT).path("type").asText()).isEqualTo("ready");
            OptOuts.set(account, "w-1", "telemetry", true);
            JsonNode first = ws.next(WAIT);
            assertThat(first.path("type").asText()).isEqualTo("optout.changed");
            assertThat(first.path("event").path("payload").path("subject").path("id").asText()).isEqualTo("w-1");
            firstId = first.path("id").asText();
        }
        OptOuts.set(account, "w-2", "telemetry", true);
        OptOuts.set(account, "w-3", "telemetry", true);
        try (SocketStream resumed = new SocketStream(url + "&lastEventId=" + firstId, TestTokens.optoutClient())) {
            // What it missed (what the replica had read by then, before its ready message), then live.
            List<String> subjects = new ArrayList<>(List.of(resumed.nextChangedSubject(WAIT), resumed.nextChangedSubject(WAIT)));
            assertThat(subjects).containsExactlyInAnyOrder("w-2", "w-3");
            OptOuts.set(account, "w-4", "telemetry", true);
            assertThat(resumed.nextChangedSubject(WAIT)).isEqualTo("w-4");
            JsonNode extra = resumed.poll(Duration.ofSeconds(1));
            assertThat(extra == null || !"optout.changed".equals(extra.path("type").asText())).as("no duplicate").isTrue();
        }
    }

    @Test
    void the_upgrade_is_authenticated_authorised_and_checked_before_it_happens() throws Exception {
        UUID account = OptOuts.account();
        try (SocketStream ws = new SocketStream(socket + "?account=" + account, null)) {
            assertThat(ws.status).isEqualTo(401);
        }
        try (SocketStream ws = new SocketStream(socket + "?account=" + UUID.randomUUID(), TestTokens.customerOf(account))) {
            assertThat(ws.status).isEqualTo(403);
        }
        try (SocketStream ws = new SocketStream(socket + "?account=" + account + "&kind=user&subject=bob", TestTokens.endUser(account, "alice"))) {
            assertThat(ws.status).isEqualTo(403);
        }
        try (SocketStream ws = new SocketStream(socket + "?account=" + account + "&kind=user&subject=alice", TestTokens.endUser(account, "alice"))) {
            assertThat(ws.status).isEqualTo(101);
            // The test profile pings every second
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ws.pings.get() >= 2);
        }
        try (SocketStream ws = new SocketStream(socket + "?account=" + account + "&lastEventId=0:x", TestTokens.optoutClient())) {
            assertThat(ws.status).isEqualTo(400);
        }
        given().auth().oauth2(TestTokens.optoutClient()).get("/v1/optouts/ws?account=" + account).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid-header"));
        given().auth().oauth2(TestTokens.optoutClient()).header("Upgrade", "websocket").get("/v1/optouts/ws?account=" + account + "&lastEventId=0:x")
                .then().statusCode(400).body("code", equalTo("invalid-parameter")).body("errors[0].field", equalTo("lastEventId"));
        given().auth().oauth2(TestTokens.optoutClient()).get("/v1/optouts/ws?account=" + account + "&colour=red")
                .then().statusCode(400).body("code", equalTo("invalid-parameter"));
    }
}
