package io.licenseflow.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens shaped like Keycloak's (realm roles under {@code realm_access.roles}), signed with a test-only
 * RSA key whose public half {@link LocalStackResource} hands to the service. End-to-end tests use real
 * Keycloak tokens instead.
 */
public final class TestTokens {

    public static final String ISSUER = "https://licenseflow.test/realms/licenseflow";
    private static final PrivateKey KEY = privateKey();

    private TestTokens() {
    }

    public static String admin() {
        return token("test-admin", List.of("admin"), Map.of());
    }

    public static String operator() {
        return token("test-operator", List.of("operator"), Map.of());
    }

    public static String customerOf(UUID accountId) {
        return token("test-customer", List.of("customer"), Map.of("account_id", accountId.toString()));
    }

    /** The account's customer admin, with a token expiring after {@code lifetime}. */
    public static String customerOf(UUID accountId, Duration lifetime) {
        return Jwt.issuer(ISSUER).subject("test-customer").preferredUserName("test-customer")
                .claim("realm_access", Map.of("roles", List.of("customer"))).claim("account_id", accountId.toString())
                .expiresIn(lifetime).jws().keyId("licenseflow-test").sign(KEY);
    }

    /** An end user linked to the subject (user, {@code subjectId}) of the account, as Keycloak's user attributes map it. */
    public static String endUser(UUID accountId, String subjectId) {
        return token("test-user-" + subjectId, List.of("end-user"), Map.of("account_id", accountId.toString(), "subject_id", subjectId));
    }

    /** A product backend's service client granted the optouts role. */
    public static String optoutClient() {
        return token("service-account-test-backend", List.of("optouts"), Map.of("azp", "test-backend"));
    }

    public static String withoutRoles() {
        return token("test-nobody", List.of(), Map.of());
    }

    public static String expired() {
        return Jwt.issuer(ISSUER).subject("test-expired").preferredUserName("test-expired")
                .claim("realm_access", Map.of("roles", List.of("admin")))
                .issuedAt(java.time.Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(java.time.Instant.now().minus(Duration.ofHours(1)))
                .jws().keyId("licenseflow-test").sign(KEY);
    }

    /** The optouts service client's token, expiring after {@code lifetime}. */
    public static String optoutClientFor(Duration lifetime) {
        return Jwt.issuer(ISSUER).subject("service-account-test-backend").preferredUserName("service-account-test-backend")
                .claim("realm_access", Map.of("roles", List.of("optouts"))).claim("azp", "test-backend")
                .expiresIn(lifetime).jws().keyId("licenseflow-test").sign(KEY);
    }

    public static String token(String user, List<String> roles, Map<String, String> claims) {
        var builder = Jwt.issuer(ISSUER).subject(user).preferredUserName(user)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(Duration.ofMinutes(10));
        claims.forEach(builder::claim);
        return builder.jws().keyId("licenseflow-test").sign(KEY);
    }

    /** The public key as Quarkus OIDC's {@code quarkus.oidc.public-key} wants it: base64 DER, no PEM armour. */
    public static String publicKey() {
        return pem("publicKey.pem");
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pem("privateKey.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream("/licenseflow-test/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
