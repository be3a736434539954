package io.licenseflow.verifier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a license token says (docs/validation.md shows a decoded one): the license as issued to one machine, and the
 * token's own times.
 *
 * @param licenseId the license ({@code sub})
 * @param accountId the customer account holding it
 * @param type the license type's name
 * @param typeVersion the type version the license was issued under
 * @param entitlements feature codes the license includes
 * @param meters each meter with its quota
 * @param expiry the license's term, grace and behaviour after expiry
 * @param seatModel {@code NODE_LOCKED} or {@code FLOATING}
 * @param seatLimit machines the license may run on at once
 * @param activationId the machine's activation
 * @param fingerprint the machine's fingerprint the token is bound to
 * @param issuedAt {@code iat}
 * @param notBefore {@code nbf}
 * @param tokenExpiresAt {@code exp}: issued-at plus the type's check-in interval
 * @param optOuts the account's and the machine's opt-outs at issue ({@code optouts}); null in a token that carries none
 */
public record LicenseClaims(
        UUID licenseId,
        UUID accountId,
        String type,
        int typeVersion,
        List<String> entitlements,
        List<MeterQuota> meters,
        Expiry expiry,
        String seatModel,
        int seatLimit,
        UUID activationId,
        String fingerprint,
        Instant issuedAt,
        Instant notBefore,
        Instant tokenExpiresAt,
        OptOuts optOuts) {

    public boolean hasEntitlement(String code) {
        return entitlements.contains(code);
    }

    /**
     * Whether {@code purpose} may be collected from this machine: not when its account or the machine opted out of it
     * when the token was issued, nor when the token carries no opt-outs at all (collect nothing not shown to be allowed).
     */
    public boolean mayCollect(String purpose) {
        return optOuts != null && optOuts.mayCollect(purpose);
    }

    public Optional<MeterQuota> meter(String name) {
        return meters.stream().filter(m -> m.meter().equals(name)).findFirst();
    }
}
