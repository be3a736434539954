package io.licenseflow.entitlement.token;

import static io.licenseflow.entitlement.license.Licensing.DB;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.commons.secrets.SecretSeal;
import io.licenseflow.entitlement.license.Licensing;
import io.licenseflow.testing.TestDatabase;
import io.licenseflow.testing.TestTokens;
import io.licenseflow.testing.WithLocalStack;
import io.licenseflow.verifier.Check;
import io.licenseflow.verifier.JwksSource;
import io.licenseflow.verifier.LicenseClaims;
import io.licenseflow.verifier.LicenseVerifier;
import io.licenseflow.verifier.ValidationCode;
import io.licenseflow.verifier.Verification;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * Offline license tokens as product backends receive them: issued on activation and refresh, verified by the
 * license-verifier library against the service's JWKS; signing keys rotated, retired and stored sealed.
 */
@QuarkusTest
@WithLocalStack(database = "entitlement")
class LicenseTokenTest {

    private static final String METERED = """
            "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "gracePeriod": "P10D", "expirationBehaviour": "MAINTAIN_ACCESS",
            "entitlements": ["export-pdf", "sso"], "usageRules": [{"meter": "api-calls", "quota": 500, "period": "DAY", "overage": "DENY"}],
            "seats": {"model": "NODE_LOCKED", "limit": 3}, "checkInInterval": "PT12H\"""";

    private static LicenseVerifier verifier() {
        return LicenseVerifier.builder().jwks(JwksSource.url(URI.create("http://localhost:" + RestAssured.port + "/.well-known/jwks.json")))
                .minRefreshInterval(Duration.ZERO).build();
    }

    private static JsonNode activate(String key, String fingerprint) {
        return Licensing.read(given().contentType(ContentType.JSON)
                .body("{\"key\": \"" + key + "\", \"fingerprint\": \"" + fingerprint + "\", \"name\": \"m\", \"platform\": \"linux\", \"metadata\": {}}")
                .contentType(ContentType.JSON).post("/v1/activations").then().statusCode(201).extract().asString());
    }

    private static JsonNode refresh(String activationId, String key) {
        return Licensing.read(given().header("Authorization", "License " + key).contentType(ContentType.JSON).post("/v1/activations/" + activationId + "/token")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void an_activation_returns_a_token_the_verifier_library_accepts_for_that_machine_only() {
        String type = Licensing.type("tokens", METERED);
        var issued = Licensing.issue(type, null);
        String key = Licensing.keyOf(issued.licenseId());
        JsonNode activation = activate(key, "fp-token-1");
        String token = activation.at("/licenseToken/token").asText();
        assertThat(token.split("\\.")).hasSize(3);

        Verification answer = verifier().verify(token, Check.machine("fp-token-1").entitlement("sso").meter("api-calls", 499));
        assertThat(answer.code()).isEqualTo(ValidationCode.VALID);
        LicenseClaims claims = answer.license().orElseThrow();
        assertThat(claims.licenseId()).isEqualTo(issued.licenseId());
        assertThat(claims.accountId()).isEqualTo(issued.accountId());
        assertThat(claims.type()).isEqualTo(type);
        assertThat(claims.typeVersion()).isEqualTo(1);
        assertThat(claims.entitlements()).containsExactlyInAnyOrder("export-pdf", "sso");
        assertThat(claims.meter("api-calls").orElseThrow().quota()).isEqualTo(500);
        assertThat(claims.activationId().toString()).isEqualTo(activation.path("id").asText());
        assertThat(claims.expiry().gracePeriod()).isEqualTo("P10D");
        assertThat(claims.expiry().maintainsAccess()).isTrue();
        assertThat(claims.expiry().expiresAt()).isEqualTo(Instant.parse(TestDatabase.text(DB,
                "SELECT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM license WHERE id = ?", issued.licenseId())));
        assertThat(Duration.between(claims.issuedAt(), claims.tokenExpiresAt())).as("TTL = the type's check-in interval").isEqualTo(Duration.ofHours(12));
        assertThat(claims.notBefore()).isEqualTo(claims.issuedAt());
        assertThat(activation.at("/licenseToken/expiresAt").asText()).isEqualTo(claims.tokenExpiresAt().toString());

        assertThat(verifier().verify(token, Check.machine("another-machine")).code()).isEqualTo(ValidationCode.FINGERPRINT_MISMATCH);
        assertThat(verifier().verify(token, Check.machine("fp-token-1").meter("api-calls", 500)).code()).isEqualTo(ValidationCode.QUOTA_EXCEEDED);
        assertThat(verifier().verify(token, Check.machine("fp-token-1").entitlement("audit-log")).code()).isEqualTo(ValidationCode.ENTITLEMENT_MISSING);

        given().get("/v1/activations/" + activation.path("id").asText()).then().statusCode(401);
        assertThat(Licensing.read(given().auth().oauth2(TestTokens.admin()).get("/v1/activations/" + activation.path("id").asText())
                .then().statusCode(200).extract().asString()).has("licenseToken")).as("reads do not hand out tokens").isFalse();
    }

    @Test
    void a_token_is_refreshed_by_the_key_or_a_token_and_refused_for_a_suspended_license() {
        var issued = Licensing.issue(Licensing.type("refresh", METERED), null);
        String key = Licensing.keyOf(issued.licenseId());
        JsonNode activation = activate(key, "fp-refresh");
        String id = activation.path("id").asText();
        JsonNode fresh = refresh(id, key);
        assertThat(fresh.path("token").asText()).isNotEqualTo(activation.at("/licenseToken/token").asText());
        assertThat(verifier().verify(fresh.path("token").asText(), Check.machine("fp-refresh")).valid()).isTrue();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/v1/activations/" + id + "/token").then().statusCode(200);
        given().header("Authorization", "License " + Licensing.keyOf(Licensing.issue(Licensing.type("other", METERED), null).licenseId()))
                .contentType(ContentType.JSON).post("/v1/activations/" + id + "/token").then().statusCode(404).body("code", equalTo("not-found"));
        given().contentType(ContentType.JSON).post("/v1/activations/" + id + "/token").then().statusCode(400).body("code", equalTo("malformed-key"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"reason\": \"payment overdue\"}")
                .post("/v1/licenses/" + issued.licenseId() + "/suspend").then().statusCode(200);
        given().header("Authorization", "License " + key).contentType(ContentType.JSON).post("/v1/activations/" + id + "/token")
                .then().statusCode(409).body("code", equalTo("license-not-active"));
    }

    @Test
    void rotation_publishes_a_key_before_it_signs_and_retirement_stops_what_it_signed() throws Exception {
        var issued = Licensing.issue(Licensing.type("rotate", METERED), null);
        String key = Licensing.keyOf(issued.licenseId());
        JsonNode activation = activate(key, "fp-rotate");
        String id = activation.path("id").asText();
        String oldToken = activation.at("/licenseToken/token").asText();
        String oldKid = activation.at("/licenseToken/kid").asText();

        String newest = given().auth().oauth2(TestTokens.operator()).get("/v1/signing-keys").then().statusCode(200)
                .extract().jsonPath().getString("[0].kid");
        await().atMost(Duration.ofSeconds(20)).until(() -> !"PUBLISHED".equals(given().auth().oauth2(TestTokens.admin())
                .get("/v1/signing-keys/" + newest).then().extract().path("state")));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).post("/v1/signing-keys/rotate").then().statusCode(403);
        // As a plain client does it: a bodiless POST.
        assertThat(Licensing.postWithoutBody("/v1/signing-keys/rotate", TestTokens.admin())).isEqualTo(201);
        JsonNode rotated = Licensing.read(given().auth().oauth2(TestTokens.admin()).get("/v1/signing-keys").then().statusCode(200)
                .extract().jsonPath().prettify()).get(0);
        assertThat(rotated.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(rotated.path("kid").asText()).isNotEqualTo(newest);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/v1/signing-keys/rotate")
                .then().statusCode(409).body("code", equalTo("rotation-pending"));
        String newKid = rotated.path("kid").asText();
        assertThat(jwksKids()).as("published at once").contains(oldKid, newKid);
        assertThat(refresh(id, key).path("kid").asText()).as("signs only after publish-ahead").isEqualTo(oldKid);

        await().atMost(Duration.ofSeconds(20)).until(() -> refresh(id, key).path("kid").asText().equals(newKid));
        String newToken = refresh(id, key).path("token").asText();
        assertThat(verifier().verify(newToken, Check.machine("fp-rotate")).code()).isEqualTo(ValidationCode.VALID);
        assertThat(verifier().verify(oldToken, Check.machine("fp-rotate")).code()).as("the older key still verifies").isEqualTo(ValidationCode.VALID);
        given().auth().oauth2(TestTokens.admin()).get("/v1/signing-keys/" + oldKid).then().statusCode(200).body("state", equalTo("VERIFYING"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/v1/signing-keys/" + newKid + "/retire")
                .then().statusCode(409).body("code", equalTo("signing-key-in-use"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/v1/signing-keys/" + oldKid + "/retire")
                .then().statusCode(200).body("state", equalTo("RETIRED"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/v1/signing-keys/no-such-key/retire").then().statusCode(404);
        assertThat(jwksKids()).contains(newKid).doesNotContain(oldKid);
        assertThat(verifier().verify(oldToken, Check.machine("fp-rotate")).code()).isEqualTo(ValidationCode.TOKEN_KEY_UNKNOWN);
        assertThat(verifier().verify(newToken, Check.machine("fp-rotate")).code()).isEqualTo(ValidationCode.VALID);
    }

    @Test
    void private_keys_rest_sealed_and_open_only_with_the_key_encryption_secret() throws Exception {
        List<List<String>> rows = TestDatabase.rows(DB, "SELECT kid, private_sealed FROM signing_key WHERE retired_at IS NULL");
        assertThat(rows).isNotEmpty();
        String secret = ConfigProvider.getConfig().getValue("licenseflow.signing.key-encryption-secret", String.class);
        JsonWebKeySet jwks = new JsonWebKeySet(given().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age")).extract().asString());
        for (List<String> row : rows) {
            String kid = row.get(0);
            String sealed = row.get(1);
            assertThat(sealed.split("\\.")).as("a compact JWE").hasSize(5);
            assertThat(new String(Base64.getUrlDecoder().decode(sealed.split("\\.")[0]), StandardCharsets.UTF_8))
                    .contains("\"alg\":\"dir\"").contains("\"enc\":\"A256GCM\"");
            byte[] pkcs8 = Base64.getDecoder().decode(new SecretSeal(secret, "secret", "kid").open(sealed, kid));
            assertThat(sealed).doesNotContain(Base64.getEncoder().encodeToString(pkcs8)).doesNotContain(Base64.getUrlEncoder().encodeToString(pkcs8));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            signer.update("probe".getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            Signature verify = Signature.getInstance("Ed25519");
            verify.initVerify(((OctetKeyPairJsonWebKey) jwks.findJsonWebKey(kid, null, null, null)).getPublicKey());
            verify.update("probe".getBytes(StandardCharsets.UTF_8));
            assertThat(verify.verify(signature)).as("the sealed private key of " + kid + " is the half of its published key").isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretSeal(Base64.getEncoder().encodeToString(new byte[32]), "other", "kid")
                    .open(sealed, kid)).isInstanceOf(IllegalStateException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretSeal(secret, "secret", "kid").open(sealed, "another-kid"))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(TestDatabase.count(DB, "SELECT count(*) FROM signing_key WHERE created_by = 'entitlement-service (first start)'"))
                .as("one first key, however often the service started").isEqualTo(1);
    }

    private static List<String> jwksKids() {
        return given().get("/.well-known/jwks.json").then().statusCode(200).contentType(ContentType.JSON)
                .body("keys.every { it.kty == 'OKP' && it.crv == 'Ed25519' && it.alg == 'EdDSA' && it.d == null }", equalTo(true))
                .extract().jsonPath().getList("keys.kid", String.class);
    }
}
