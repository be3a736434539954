package io.licenseflow.entitlement.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.licenseflow.entitlement.license.Licensing;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rate limits of the key-taking endpoints, with small limits of this class's own (a boot of its own): a client that
 * tries a hundred wrong keys is blocked while another client carries on, and recovers after the window; the same for
 * source addresses of key-only calls; one key is limited whoever uses it. 429s are problems with Retry-After and the
 * IETF RateLimit fields.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithLocalStack(database = "entitlement")
class RateLimitTest {

    static final int UNKNOWN_KEYS = 20;
    static final int PER_KEY = 40;
    static final Duration WINDOW = Duration.ofSeconds(5);

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("licenseflow.rate-limit.unknown-key-quota", Integer.toString(UNKNOWN_KEYS),
                    "licenseflow.rate-limit.unknown-key-window", WINDOW.toString(),
                    "licenseflow.rate-limit.key-quota", Integer.toString(PER_KEY),
                    "licenseflow.rate-limit.key-window", WINDOW.toString(),
                    "licenseflow.rate-limit.client-quota", "1000",
                    "licenseflow.rate-limit.client-window", WINDOW.toString());
        }
    }

    private static String wrongKey() {
        String hex = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return "LF-" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 24) + "-" + hex.substring(24, 28);
    }

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Response validateAs(String client, String key) {
        String token = TOKENS.computeIfAbsent(client, c -> TestTokens.token("backend-" + c, List.of("service"), Map.of("azp", c)));
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"key\": \"" + key + "\"}").post("/v1/licenses/validate");
    }

    @Test
    void a_hundred_wrong_keys_block_their_client_only_until_the_window_passes() {
        String validKey = Licensing.keyOf(Licensing.issue(Licensing.type("limits", """
                "duration": {"kind": "PERPETUAL"}, "seats": {"model": "NODE_LOCKED", "limit": 1}"""), null).licenseId());
        String attacker = "attacker-" + UUID.randomUUID().toString().substring(0, 6);
        String neighbour = "neighbour-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> wrongKeys = java.util.stream.IntStream.range(0, 100).mapToObj(i -> wrongKey()).toList();
        validateAs(neighbour, validKey);
        int answered = 0;
        int refused = 0;
        Response firstRefusal = null;
        long started = System.nanoTime();
        for (String wrong : wrongKeys) {
            Response response = validateAs(attacker, wrong);
            if (response.statusCode() == 200) {
                answered++;
                assertThat(response.header("RateLimit")).contains("\"unknown-key\";r=");
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                refused++;
                firstRefusal = firstRefusal == null ? response : firstRefusal;
            }
        }
        System.out.printf("100 wrong keys from one client in %d ms: %d answered, %d refused (429)%n", (System.nanoTime() - started) / 1_000_000,
                answered, refused);
        assertThat(answered).isEqualTo(UNKNOWN_KEYS);
        assertThat(refused).isEqualTo(100 - UNKNOWN_KEYS);
        assertThat(firstRefusal.contentType()).startsWith("application/problem+json");
        assertThat(firstRefusal.jsonPath().getString("code")).isEqualTo("too-many-requests");
        assertThat(Integer.parseInt(firstRefusal.header("Retry-After"))).isBetween(1, (int) WINDOW.toSeconds());
        assertThat(firstRefusal.header("RateLimit")).matches("\"unknown-key\";r=0;t=\\d+");
        assertThat(firstRefusal.header("RateLimit-Policy")).contains("\"unknown-key\";q=" + UNKNOWN_KEYS + ";w=" + WINDOW.toSeconds());

        assertThat(validateAs(attacker, validKey).statusCode()).as("the blocked client, even with a good key").isEqualTo(429);
        Response neighbours = validateAs(neighbour, validKey);
        assertThat(neighbours.statusCode()).as("another client carries on").isEqualTo(200);
        assertThat(neighbours.jsonPath().getString("code")).isEqualTo("VALID");

        await().atMost(WINDOW.multipliedBy(3)).pollInterval(Duration.ofMillis(500)).until(() -> validateAs(attacker, validKey).statusCode() == 200);
        assertThat(validateAs(attacker, validKey).jsonPath().getString("code")).as("recovered after the window").isEqualTo("VALID");
    }

    @Test
    void key_only_calls_are_counted_by_source_address() throws IOException {
        String blocked = "127.0.0." + (2 + (int) (Math.random() * 100));
        String other = "127.0.0." + (150 + (int) (Math.random() * 100));
        int refusedFromBlocked = 0;
        for (int i = 0; i < UNKNOWN_KEYS + 10; i++) {
            int status = rawValidate(blocked, wrongKey());
            refusedFromBlocked += status == 429 ? 1 : 0;
        }
        assertThat(refusedFromBlocked).isEqualTo(10);
        assertThat(rawValidate(other, wrongKey())).as("another address carries on").isEqualTo(200);
        String activation = rawPost(blocked, "/v1/activations", "{\"key\": \"" + wrongKey() + "\", \"fingerprint\": \"x\"}", null);
        assertThat(status(activation)).as("activation from the blocked address: " + activation).isEqualTo(429);
        String usage = rawPost(blocked, "/v1/usage", "{\"key\": \"" + wrongKey() + "\", \"fingerprint\": \"x\", \"meter\": \"m\", \"quantity\": 1}", "u-1");
        assertThat(status(usage)).as("usage from the blocked address: " + usage).isEqualTo(429);
        String activationElsewhere = rawPost(other, "/v1/activations", "{\"key\": \"" + wrongKey() + "\", \"fingerprint\": \"x\"}", null);
        assertThat(status(activationElsewhere)).as("a wrong key from another address is answered, not limited: " + activationElsewhere)
                .isIn(400, 404);
    }

    @Test
    void one_key_is_limited_whoever_uses_it() {
        String key = Licensing.keyOf(Licensing.issue(Licensing.type("hot-key", """
                "duration": {"kind": "PERPETUAL"}, "seats": {"model": "NODE_LOCKED", "limit": 1}"""), null).licenseId());
        int refused = 0;
        for (int i = 0; i < PER_KEY + 5; i++) {
            Response response = validateAs("client-" + i, key);
            if (response.statusCode() == 429) {
                refused++;
                assertThat(response.header("RateLimit")).startsWith("\"key\";r=0");
            }
        }
        assertThat(refused).isEqualTo(5);
        assertThat(validateAs("client-x", Licensing.keyOf(Licensing.issue(Licensing.type("cold-key", """
                "duration": {"kind": "PERPETUAL"}, "seats": {"model": "NODE_LOCKED", "limit": 1}"""), null).licenseId())).statusCode())
                .as("another key of the same clients").isEqualTo(200);
    }

    private static int rawValidate(String sourceAddress, String key) throws IOException {
        return status(rawPost(sourceAddress, "/v1/licenses/validate", "{\"key\": \"" + key + "\"}", null));
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.lines().findFirst().orElse("").split(" ")[1]);
    }

    /** A POST from a chosen loopback source address (RestAssured cannot bind one), without a token; the whole answer. */
    private static String rawPost(String sourceAddress, String path, String json, String idempotencyKey) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(10000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\nContent-Type: application/json\r\n"
                    + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n")
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
