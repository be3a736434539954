package io.licenseflow.entitlement.key;

import io.licenseflow.commons.secrets.SecretSeal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The copy of a key kept for its one-time reveal to an operator, sealed under the seal secret and bound to its license
 * id (a sealed key copied onto another license does not open). The reveal erases it.
 */
@ApplicationScoped
public class SealedKeys {

    private final SecretSeal seal;

    public SealedKeys(KeySecrets secrets) {
        this.seal = new SecretSeal(secrets.sealSecret(), "licenseflow.keys.seal-secret", "license");
    }

    public String seal(LicenseKey licenseKey, UUID licenseId) {
        return seal.seal(licenseKey.canonical(), licenseId.toString());
    }

    public LicenseKey open(String sealed, UUID licenseId) {
        return LicenseKey.parse(seal.open(sealed, licenseId.toString()))
                .orElseThrow(() -> new IllegalStateException("a sealed key does not hold a license key"));
    }
}
