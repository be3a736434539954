package io.licenseflow.verifier;

/**
 * The answer of a license check, online ({@code POST /v1/licenses/validate}) and offline ({@link LicenseVerifier}):
 * one closed set, checked in the order declared here; the first that applies is the answer. The {@code TOKEN_} codes
 * occur offline only (a token is not what online validation takes); {@code MALFORMED_KEY}, {@code NOT_FOUND},
 * {@code REVOKED}, {@code SUSPENDED}, {@code NOT_ACTIVATED} and {@code HEARTBEAT_DEAD} online only (a token is issued
 * only to an activated machine of a license in use, and lives no longer than its check-in interval).
 * docs/validation.md explains each.
 */
public enum ValidationCode {

    MALFORMED_KEY(false, "the key is not a license key (format or check character)"),
    TOKEN_MALFORMED(false, "the token is not a compact JWS of a license"),
    TOKEN_KEY_UNKNOWN(false, "the token was signed by a key the issuer does not publish (unknown or retired)"),
    TOKEN_SIGNATURE_INVALID(false, "the token's signature does not verify, or its algorithm is not EdDSA"),
    TOKEN_NOT_YET_VALID(false, "the token's not-before time is still ahead"),
    TOKEN_EXPIRED(false, "the token outlived its check-in interval: fetch a fresh one"),
    NOT_FOUND(false, "no license has this key"),
    REVOKED(false, "the license was revoked"),
    SUSPENDED(false, "the license is suspended"),
    EXPIRED(false, "the license expired and its type restricts access after expiry"),
    HEARTBEAT_DEAD(false, "this machine's floating seat was reclaimed: its heartbeats stopped"),
    NOT_ACTIVATED(false, "the license has no activated machine"),
    FINGERPRINT_MISMATCH(false, "this machine is not one of the license's activated machines"),
    ENTITLEMENT_MISSING(false, "the license does not include this feature or meter"),
    QUOTA_EXCEEDED(false, "the meter's quota for the current period is used up"),
    IN_GRACE_PERIOD(true, "the license expired but is within its grace period"),
    EXPIRED_ACCESS_MAINTAINED(true, "the license expired and its type maintains access after expiry"),
    VALID(true, "the license is valid");

    private final boolean valid;
    private final String meaning;

    ValidationCode(boolean valid, String meaning) {
        this.valid = valid;
        this.meaning = meaning;
    }

    /** Whether the license may be used under this answer. */
    public boolean valid() {
        return valid;
    }

    /** What the code means, in a sentence. */
    public String meaning() {
        return meaning;
    }
}
