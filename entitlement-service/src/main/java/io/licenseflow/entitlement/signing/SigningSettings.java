package io.licenseflow.entitlement.signing;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Signing keys (entitlement-service's application.properties). */
@ConfigMapping(prefix = "licenseflow.signing")
public interface SigningSettings {

    /** Base64 of 32 random bytes: the AES-256-GCM key that seals signing private keys at rest. */
    String keyEncryptionSecret();

    /**
     * How long a rotated-in key is published before it signs: longer than {@link #refreshEvery()}, so that every
     * replica serves it in its JWKS before any replica signs with it.
     */
    Duration publishAhead();

    /** How often each replica reads the keys again (it also does at once after its own rotation or retirement). */
    Duration refreshEvery();
}
