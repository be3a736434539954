package io.licenseflow.entitlement.signing;

import io.licenseflow.verifier.LicenseVerifier;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** The key that signs now: compact JWS license tokens and raw Ed25519 signatures (of validation answers). */
public record Signer(String kid, PrivateKey privateKey) {

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
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with key " + kid, e);
        }
    }
}
