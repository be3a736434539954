package io.licenseflow.verifier;

/**
 * What to check a license token for, beyond its signature and times: the machine it must be bound to, and optionally a
 * feature and a meter with what was used of it in the current period (offline, the product counts its own usage).
 */
public record Check(String fingerprint, String entitlement, String meter, long used) {

    /** The token must be bound to this machine. */
    public static Check machine(String fingerprint) {
        return new Check(fingerprint, null, null, 0);
    }

    /** ...and the license must include this feature. */
    public Check entitlement(String code) {
        return new Check(fingerprint, code, meter, used);
    }

    /** ...and the meter must have room after {@code usedInPeriod} units in the current period. */
    public Check meter(String name, long usedInPeriod) {
        return new Check(fingerprint, entitlement, name, usedInPeriod);
    }
}
