package io.licenseflow.verifier;

import java.util.Optional;

/**
 * The answer for one token: a code, a sentence for people, and the license as the token states it (absent when the
 * token could not be trusted).
 */
public record Verification(ValidationCode code, String detail, Optional<LicenseClaims> license) {

    public boolean valid() {
        return code.valid();
    }

    static Verification untrusted(ValidationCode code, String detail) {
        return new Verification(code, detail, Optional.empty());
    }

    static Verification of(ValidationCode code, String detail, LicenseClaims claims) {
        return new Verification(code, detail, Optional.of(claims));
    }
}
