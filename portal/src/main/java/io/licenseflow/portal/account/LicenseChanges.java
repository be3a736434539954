package io.licenseflow.portal.account;

import java.util.Map;

/** What the license page says after a change an operator confirmed (its {@code done} parameter). */
final class LicenseChanges {

    private static final Map<String, String> DONE = Map.of("suspend", "The license is suspended.", "reinstate", "The license is reinstated.",
            "revoke", "The license is revoked.", "renew", "The license is renewed.");

    private LicenseChanges() {
    }

    /** The sentence for a known change, or null (an unknown value is not echoed). */
    static String confirmation(String done) {
        return done == null ? null : DONE.get(done);
    }
}
