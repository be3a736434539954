package io.licenseflow.entitlement.key;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The secrets behind license keys (entitlement-service's application.properties: local development values there;
 * the kubernetes profile has none and refuses to start without them).
 */
@ConfigMapping(prefix = "licenseflow.keys")
public interface KeySecrets {

    /** Base64 of at least 32 random bytes: the HMAC-SHA256 key that turns license keys into the hashes we store. */
    String hashSecret();

    /** Base64 of 32 random bytes: the AES-256-GCM key of the sealed copy kept for the one-time reveal. */
    String sealSecret();

    /** The public JWK (EC P-256, with its kid) of the service that receives issued keys. */
    String handoffRecipientJwk();

    /** Who the hand-off is for, named in LicenseKeyIssued. */
    @WithDefault("notification-service")
    String handoffRecipient();
}
