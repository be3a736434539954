package io.licenseflow.portal.services;

import java.util.UUID;

/** Ids in addresses, as the services write them: canonical lower-case UUIDs. Anything else is no page. */
public final class Ids {

    private Ids() {
    }

    public static boolean isCanonicalUuid(String text) {
        try {
            return text != null && UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }
}
