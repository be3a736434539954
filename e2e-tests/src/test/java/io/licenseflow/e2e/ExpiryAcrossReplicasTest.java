package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.licenseflow.events.EventJson;
import io.licenseflow.events.Topics;
import io.licenseflow.testing.KafkaTail;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestLogs;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The scheduled end of terms with more than one entitlement-service running: two more packaged replicas checking every
 * second next to the suite's own, a hundred licenses due at once, and still each license announced once or
 * expired once on Kafka, with the work shared between the replicas.
 */
class ExpiryAcrossReplicasTest {

    private static final int LICENSES = 100;

    @Test
    void two_replicas_announce_and_expire_each_license_exactly_once() throws Exception {
        ServiceProcess onboarding = PackagedSuite.service("onboarding");
        ServiceProcess suiteReplica = PackagedSuite.service("entitlement");
        String type = OfferedTypes.floating("e2e-expiry");
        String backend = KeycloakTokens.backend();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < LICENSES; i++) {
            accounts.add(given().baseUri(onboarding.url()).auth().oauth2(backend).contentType(ContentType.JSON)
                    .body("{\"name\": \"Expiry " + i + "\", \"contactEmail\": \"expiry" + i + "@replicas.example.com\", \"licenseType\": \"" + type + "\"}")
                    .post("/v1/accounts").then().statusCode(201).extract().<String>path("id"));
        }
        String accountList = accounts.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TestDatabase.count("entitlement", "SELECT count(*) FROM license WHERE account_id IN (" + accountList + ")") == LICENSES);

        Map<String, String> everySecond = Map.of("LICENSEFLOW_EXPIRY_CHECK_EVERY", "1s", "LICENSEFLOW_EXPIRY_FIRST_CHECK_AFTER", "1s");
        try (ServiceProcess first = ServiceProcess.start("entitlement", 28097, everySecond);
             ServiceProcess second = ServiceProcess.start("entitlement", 28098, everySecond);
             KafkaTail events = KafkaTail.open(Topics.LICENSE_EVENTS)) {
            // Half end in two days (announced), half ended a minute ago (expired), all in one statement: every replica's
            // next run finds all of them due.
            TestDatabase.execute("entitlement", "UPDATE license SET expires_at = CASE WHEN account_id IN (" + accountList(accounts, 0)
                    + ") THEN now() + interval '2 days' ELSE now() - interval '1 minute' END WHERE account_id IN (" + accountList + ")");
            List<String> licenses = TestDatabase.rows("entitlement", "SELECT id::text FROM license WHERE account_id IN (" + accountList + ")")
                    .stream().map(row -> row.get(0)).toList();

            events.await(record -> false, Duration.ofSeconds(10)); // ten runs of each fast replica
            Map<String, Long> byTypeAndLicense = events.seen().stream().filter(record -> licenses.contains(record.key()))
                    .collect(Collectors.groupingBy(ExpiryAcrossReplicasTest::typeAndLicense, Collectors.counting()));
            assertThat(byTypeAndLicense.entrySet()).filteredOn(e -> e.getKey().startsWith("LicenseExpiring ")).hasSize(LICENSES / 2)
                    .allMatch(e -> e.getValue() == 1);
            assertThat(byTypeAndLicense.entrySet()).filteredOn(e -> e.getKey().startsWith("LicenseExpired ")).hasSize(LICENSES / 2)
                    .allMatch(e -> e.getValue() == 1);

            Map<Integer, Long> workByReplica = List.of(suiteReplica, first, second).stream().collect(Collectors.toMap(ServiceProcess::port,
                    replica -> TestLogs.entries(Path.of("target", "entitlement-service-" + replica.port() + ".log")).stream()
                            .map(entry -> entry.path("message").asText())
                            .filter(message -> message.contains(" expired at ") || message.endsWith(": announced"))
                            .filter(message -> licenses.stream().anyMatch(id -> message.startsWith("license " + id + " "))).count()));
            System.out.println("expiry changes by replica port: " + workByReplica);
            assertThat(workByReplica.values().stream().mapToLong(Long::longValue).sum()).as("changes logged across replicas").isEqualTo(LICENSES);
            // Claims skip rows another replica holds, so replicas running at once share the work rather than queue.
            assertThat(workByReplica.get(first.port())).as("changes by the first fast replica").isPositive();
            assertThat(workByReplica.get(second.port())).as("changes by the second fast replica").isPositive();
            given().baseUri(first.url()).auth().oauth2(KeycloakTokens.user("operator", "operator")).get("/v1/licenses/" + licenses.get(0))
                    .then().statusCode(200);
        }
    }

    private static String accountList(List<String> accounts, int half) {
        int size = accounts.size() / 2;
        return accounts.subList(half * size, half * size + size).stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }

    private static String typeAndLicense(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value()).type() + " " + record.key();
    }
}
