package io.licenseflow.verifier;

import java.util.List;

/**
 * What may not be collected, as LicenseFlow knew it when it answered (a validation answer) or issued (a license token):
 * the account's opt-outs, the machine's, and, when a validation named one, the user's; each with its version (which
 * grows with every change of that subject, so two answers can be ordered). {@code optedOut} is their union: a purpose
 * the account or any named subject opted out of. A subject that never chose anything has {@code version} 0 and the
 * account's {@code subjectDefaults} (its jurisdiction's defaults). See docs/optout.md#enforcement.
 *
 * @param optedOut purposes that may not be collected for this license's account, machine (and user), sorted
 * @param account the account subject's state
 * @param machine the machine's (its activation fingerprint), or null when none was named
 * @param user the user's, or null when none was named
 * @param subjectDefaults what a subject of this account without a choice is opted out of
 */
public record OptOuts(List<String> optedOut, Subject account, Subject machine, Subject user, List<String> subjectDefaults) {

    /** One subject's opt-outs at {@code version}. */
    public record Subject(String id, long version, List<String> optedOut) {
    }

    public OptOuts {
        optedOut = List.copyOf(optedOut);
        subjectDefaults = List.copyOf(subjectDefaults);
    }

    /** Whether {@code purpose} may be collected for this account and the subjects named. */
    public boolean mayCollect(String purpose) {
        return !optedOut.contains(purpose);
    }

    /**
     * Whether {@code purpose} may be collected for another subject of the account whose own choices this does not carry
     * (a user the token does not name): only when neither the account nor its defaults opt out of it. Conservative: that
     * subject may have opted out since; an online validation naming it answers for sure.
     */
    public boolean mayCollectForUnnamedSubject(String purpose) {
        return !account.optedOut().contains(purpose) && !subjectDefaults.contains(purpose);
    }
}
