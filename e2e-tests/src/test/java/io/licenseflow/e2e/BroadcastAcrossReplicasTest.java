package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.licenseflow.events.EventJson;
import io.licenseflow.testing.EventStreamClient;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.restassured.http.ContentType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Two packaged optout-service replicas: each serves its own subscribers from the topic, a subscriber that reconnects to
 * the other replica with its Last-Event-ID gets exactly what it missed, and the two replicas' webhook dispatchers share
 * the deliveries without sending one twice.
 */
class BroadcastAcrossReplicasTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void a_subscriber_resumes_on_another_replica_and_webhooks_go_out_once() throws Exception {
        ServiceProcess onboarding = PackagedSuite.service("onboarding");
        ServiceProcess first = PackagedSuite.service("optout");
        String backend = KeycloakTokens.backend();
        String account = given().baseUri(onboarding.url()).auth().oauth2(backend).contentType(ContentType.JSON)
                .body("{\"name\": \"Broadcast Replicas\", \"contactEmail\": \"ops@broadcast-e2e.example.com\", \"licenseType\": \""
                        + OfferedTypes.floating("e2e-broadcast") + "\"}")
                .post("/v1/accounts").then().statusCode(201).extract().path("id");
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(first.url()).auth().oauth2(backend).get("/v1/accounts/" + account)
                .then().statusCode(200));
        List<String> webhookIds = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            webhookIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        try (ServiceProcess second = ServiceProcess.start("optout", 28088)) {
            given().baseUri(first.url()).auth().oauth2(backend).contentType(ContentType.JSON)
                    .body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\", \"account\": \"" + account + "\"}")
                    .post("/v1/webhooks").then().statusCode(201);
            String url = "/v1/optouts/stream?account=" + account;
            String lastSeen;
            try (EventStreamClient onFirst = new EventStreamClient(first.url() + url, backend, null)) {
                onFirst.next("ready", WAIT);
                change(first, backend, account, "r-1");
                EventStreamClient.Event one = onFirst.next("optout.changed", WAIT);
                assertThat(subjectOf(one)).isEqualTo("r-1");
                lastSeen = one.id();
            }
            change(second, backend, account, "r-2");
            change(first, backend, account, "r-3");
            try (EventStreamClient onSecond = new EventStreamClient(second.url() + url, backend, lastSeen)) {
                List<String> missed = new ArrayList<>(List.of(subjectOf(onSecond.next("optout.changed", WAIT)),
                        subjectOf(onSecond.next("optout.changed", WAIT))));
                assertThat(missed).containsExactlyInAnyOrder("r-2", "r-3");
                change(first, backend, account, "r-4");
                assertThat(subjectOf(onSecond.next("optout.changed", WAIT))).as("then live on the other replica").isEqualTo("r-4");
                assertThat(onSecond.poll("optout.changed", Duration.ofSeconds(1))).as("nothing twice").isNull();
            }
            for (int i = 5; i <= 12; i++) {
                change(i % 2 == 0 ? first : second, backend, account, "r-" + i);
            }
            await().atMost(WAIT).until(() -> webhookIds.size() >= 12);
            Thread.sleep(2000);
            assertThat(webhookIds).as("each change delivered once by the two replicas' dispatchers").hasSize(12).doesNotHaveDuplicates();
        } finally {
            receiver.stop(0);
        }
    }

    private static void change(ServiceProcess replica, String token, String account, String subject) {
        given().baseUri(replica.url()).auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"changes": [{"accountId": "%s", "subject": {"kind": "user", "id": "%s"}, "purpose": "telemetry", "optedOut": true}]}"""
                .formatted(account, subject)).post("/v1/optouts").then().statusCode(200);
    }

    private static String subjectOf(EventStreamClient.Event event) throws Exception {
        JsonNode envelope = EventJson.MAPPER.readTree(event.data());
        return envelope.at("/payload/subject/id").asText();
    }
}
