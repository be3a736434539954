package io.licenseflow.entitlement.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licenseflow.testing.TestKeys;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

/** The recipient key is checked when the service starts, not at the first issuance; what it encrypts only the recipient opens. */
class KeyHandoffTest {

    private static final String DEVELOPMENT_PUBLIC_JWK = "{\"kty\":\"EC\",\"kid\":\"notification-handoff-dev-1\",\"use\":\"enc\",\"crv\":\"P-256\","
            + "\"x\":\"cyIWB7ZuABC-R5nrhvj3CqgKXT2KeO3TMs5f7N6AIvg\",\"y\":\"ZvOJGCFRoOuJm2Ndy0J5NVs3IxGjJsQ62UNHXnw5TvY\"}";

    @Test
    void a_key_is_encrypted_for_the_recipient_alone_and_bound_to_its_license() {
        KeyHandoff handoff = new KeyHandoff(secrets(DEVELOPMENT_PUBLIC_JWK));
        LicenseKey key = LicenseKey.generate();
        UUID licenseId = UUID.randomUUID();
        String jwe = handoff.encrypt(key, licenseId);
        assertThat(jwe).doesNotContain(key.display().substring(3));
        assertThat(TestKeys.openHandoff(jwe)).isEqualTo(key.display());
        assertThat(TestKeys.handoffHeader(jwe, "license")).isEqualTo(licenseId.toString());
        assertThat(TestKeys.handoffHeader(jwe, "kid")).isEqualTo("notification-handoff-dev-1");
    }

    @Test
    void only_a_public_p256_key_with_a_kid_is_accepted() throws Exception {
        var rsa = RsaJwkGenerator.generateJwk(2048);
        rsa.setKeyId("rsa-1");
        var p384 = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        p384.setKeyId("p384-1");
        var withPrivatePart = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        withPrivatePart.setKeyId("private-1");
        var withoutKid = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        for (String wrong : new String[] {rsa.toJson(), p384.toJson(), withPrivatePart.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                withoutKid.toJson(), "not a jwk"}) {
            assertThatThrownBy(() -> new KeyHandoff(secrets(wrong))).as(wrong).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("licenseflow.keys.handoff-recipient-jwk");
        }
    }

    private static KeySecrets secrets(String recipientJwk) {
        return new KeySecrets() {
            @Override
            public String hashSecret() {
                return "unused";
            }

            @Override
            public String sealSecret() {
                return "unused";
            }

            @Override
            public String handoffRecipientJwk() {
                return recipientJwk;
            }

            @Override
            public String handoffRecipient() {
                return "notification-service";
            }
        };
    }
}
