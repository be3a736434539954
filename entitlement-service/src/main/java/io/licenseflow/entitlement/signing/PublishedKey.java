package io.licenseflow.entitlement.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;

/** A signing key that is not retired, opened: published in the JWKS, signing from {@code signsFrom}. */
record PublishedKey(String kid, PublicKey publicKey, PrivateKey privateKey, Instant signsFrom, Signer signer) {

    PublishedKey(String kid, PublicKey publicKey, PrivateKey privateKey, Instant signsFrom) {
        this(kid, publicKey, privateKey, signsFrom, new Signer(kid, privateKey, Signer.fast(privateKey)));
    }
}
