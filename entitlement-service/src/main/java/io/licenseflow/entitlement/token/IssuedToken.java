package io.licenseflow.entitlement.token;

import java.time.Instant;

/** A license token as the API returns it: the compact JWS, the key that signed it, and when it must be refreshed. */
public record IssuedToken(String token, String kid, Instant expiresAt) {
}
