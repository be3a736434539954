package io.licenseflow.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.Topics;
import io.licenseflow.events.licensekey.LicenseKeyIssued;
import io.licenseflow.testing.KeycloakTokens;
import io.licenseflow.testing.LocalStack;
import io.licenseflow.testing.TestKafka;
import io.licenseflow.testing.TestKeys;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * No license key the suite issued rests anywhere in clear text: not in any log a service or test wrote (every module's
 * target/, the packaged services' logs, surefire's captured output), and not in the test stack's own files — PostgreSQL's
 * data files and WAL, Kafka's segments, Connect's and Keycloak's logs. The keys are every one ever handed off on
 * licenseflow.license-key.events, opened with the development hand-off key. Runs after every other class of the build's
 * last module, so it sees what the whole suite wrote; it also drives one key through reveal, activation and usage itself,
 * so that it checks something when run alone.
 */
@Order(Integer.MAX_VALUE)
class NoIssuedKeyInAnyLogTest {

    @Test
    void no_issued_key_is_written_anywhere_in_clear_text() throws IOException {
        String ownKey = issueAndUseOneKey();

        Set<String> keys = TestKafka.everything(Topics.LICENSE_KEY_EVENTS).stream()
                .map(record -> EventJson.read(record.value()))
                .filter(event -> LicenseKeyIssued.TYPE.equals(event.type()))
                .map(NoIssuedKeyInAnyLogTest::openHandoff)
                .collect(Collectors.toSet());
        assertThat(keys).as("keys the suite issued").contains(ownKey);

        List<Path> roots = new ArrayList<>();
        Path checkout = LocalStack.root();
        try (Stream<Path> modules = Files.list(checkout)) {
            modules.map(module -> module.resolve("target")).filter(Files::isDirectory).forEach(roots::add);
        }
        roots.add(Path.of(LocalStack.platform().get("LF_STATE")));

        long started = System.nanoTime();
        List<KeyLeakScanner.Leak> leaks = new KeyLeakScanner(keys).scan(roots);
        System.out.printf("scanned %s for %d issued keys in %d ms%n", roots, keys.size(), (System.nanoTime() - started) / 1_000_000);
        assertThat(leaks).as("files holding an issued license key in clear text (key shown by its first characters)").isEmpty();
    }

    /** A key that went everywhere a key goes: issued, revealed, sent as an activation's and a usage's credential. */
    private static String issueAndUseOneKey() {
        var onboarding = PackagedSuite.service("onboarding");
        var entitlement = PackagedSuite.service("entitlement");
        String type = OfferedTypes.floating("e2e-leak-check");
        String accountId = given().baseUri(onboarding.url()).auth().oauth2(KeycloakTokens.backend()).contentType(ContentType.JSON)
                .body("{\"name\": \"Leak Check\", \"contactEmail\": \"leaks@scan.example.com\", \"licenseType\": \"" + type + "\"}")
                .post("/v1/accounts").then().statusCode(201).extract().path("id");
        String operator = KeycloakTokens.user("operator", "operator");
        String licenseId = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(entitlement.url()).auth().oauth2(operator)
                .get("/v1/accounts/" + accountId + "/licenses").then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
        String key = given().baseUri(entitlement.url()).auth().oauth2(operator).post("/v1/licenses/" + licenseId + "/reveal-key")
                .then().statusCode(200).extract().path("key");
        given().baseUri(entitlement.url()).contentType(ContentType.JSON)
                .body("{\"key\": \"" + key + "\", \"fingerprint\": \"leak-check\", \"name\": \"Leak check\", \"platform\": \"linux\"}")
                .post("/v1/activations").then().statusCode(201);
        given().baseUri(entitlement.url()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"key\": \"" + key + "\", \"fingerprint\": \"leak-check\", \"meter\": \"api-calls\", \"quantity\": 1}")
                .post("/v1/usage").then().statusCode(201);
        // Mistyped and unknown keys reach the services too.
        given().baseUri(entitlement.url()).contentType(ContentType.JSON)
                .body("{\"key\": \"" + key.substring(0, key.length() - 1) + "\", \"fingerprint\": \"leak-check\", \"name\": \"x\", \"platform\": \"linux\"}")
                .post("/v1/activations").then().statusCode(400);
        return key;
    }

    private static String openHandoff(EventEnvelope event) {
        return TestKeys.openHandoff(event.payload().get("encryptedKey").asText());
    }
}
