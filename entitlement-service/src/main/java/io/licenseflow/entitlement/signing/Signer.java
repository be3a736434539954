package io.licenseflow.entitlement.signing;

import io.licenseflow.verifier.LicenseVerifier;
import java.security.PrivateKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The key that signs now: compact JWS license tokens (jose4j on the JDK's Ed25519) and raw Ed25519 signatures of
 * validation answers (Bouncy Castle's, on the hot path: the same signature, about 18 times faster).
 */
public record Signer(String kid, PrivateKey privateKey, Ed25519PrivateKeyParameters fastKey) {

    /** A compact JWS of {@code claimsJson}: {@code alg} EdDSA, {@code kid}, {@code typ license+jwt}. */
    public String licenseToken(String claimsJson) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", LicenseVerifier.TOKEN_TYPE);
        jws.setPayload(claimsJson);
        jws.setKey(privateKey);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a license token with key " + kid, e);
        }
    }

    /** The Ed25519 signature of {@code data} (64 bytes). */
    public byte[] sign(byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, fastKey);
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    /** The Bouncy Castle form of a JDK Ed25519 private key: its 32-byte seed, the last bytes of its PKCS#8 encoding (RFC 8410). */
    static Ed25519PrivateKeyParameters fast(PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        return new Ed25519PrivateKeyParameters(pkcs8, pkcs8.length - Ed25519PrivateKeyParameters.KEY_SIZE);
    }
}
