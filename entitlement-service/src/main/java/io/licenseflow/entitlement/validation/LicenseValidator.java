package io.licenseflow.entitlement.validation;

import io.licenseflow.entitlement.key.LicenseKey;
import io.licenseflow.entitlement.key.LicenseKeyHasher;
import io.licenseflow.entitlement.optout.OptOutLookup;
import io.licenseflow.entitlement.usage.QuotaWindow;
import io.licenseflow.events.license.LicenseStatus;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.UsageRule.QuotaPeriod;
import io.licenseflow.verifier.MeterQuota;
import io.licenseflow.verifier.OptOuts;
import io.licenseflow.verifier.ValidationCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Judges a validation from the views alone: the codes in the fixed order of {@link ValidationCode} (docs/validation.md),
 * the first that applies wins, and the opt-outs that hold for the license's account, machine and user. Deterministic:
 * the same question against the same snapshot and opt-out state at the same standing gives the same answer.
 */
@ApplicationScoped
public class LicenseValidator {

    private final ValidationView view;
    private final LicenseKeyHasher hasher;
    private final OptOutLookup optOuts;

    public LicenseValidator(ValidationView view, LicenseKeyHasher hasher, OptOutLookup optOuts) {
        this.view = view;
        this.hasher = hasher;
        this.optOuts = optOuts;
    }

    public ValidationAnswer validate(ValidateRequest request, Instant now) {
        ValidationAnswer.Scope scope = new ValidationAnswer.Scope(request.fingerprint(), request.entitlement(), request.meter(),
                request.user());
        Optional<LicenseKey> key = LicenseKey.parse(request.key());
        if (key.isEmpty()) {
            return answer(ValidationCode.MALFORMED_KEY, "not a license key (LF- and seven groups of four letters and digits, the last "
                    + "a check character): check it for typos", null, null, null, scope, request, now);
        }
        LicenseSnapshot license = view.findByKeyHash(hasher.hash(key.get()));
        if (license == null) {
            return answer(ValidationCode.NOT_FOUND, "no license has this key", null, null, null, scope, request, now);
        }
        ValidationAnswer.Machine machine = machine(license, request.fingerprint());
        ValidationAnswer.Meter meter = meter(license, request.meter(), now);
        Judgement judgement = judge(license, request, meter, now);
        return answer(judgement.code(), judgement.detail(), license, machine, meter, scope, request, now);
    }

    private record Judgement(ValidationCode code, String detail) {
    }

    private static Judgement judge(LicenseSnapshot license, ValidateRequest request, ValidationAnswer.Meter meter, Instant now) {
        if (license.status() == LicenseStatus.REVOKED) {
            return new Judgement(ValidationCode.REVOKED, "the license was revoked");
        }
        if (license.status() == LicenseStatus.SUSPENDED) {
            return new Judgement(ValidationCode.SUSPENDED, "the license is suspended");
        }
        ValidationCode standing = license.expiry().at(now, license.status() == LicenseStatus.EXPIRED);
        if (!standing.valid()) {
            return new Judgement(standing, "the license expired at " + license.expiry().expiresAt() + " and its grace period ended at "
                    + license.expiry().graceEndsAt());
        }
        String fingerprint = request.fingerprint();
        if (fingerprint != null && !license.liveMachines().containsKey(fingerprint)) {
            if (license.reclaimedMachines().contains(fingerprint)) {
                return new Judgement(ValidationCode.HEARTBEAT_DEAD, "this machine's seat was reclaimed: its heartbeats stopped; activate it again");
            }
            if (license.liveMachines().isEmpty()) {
                return new Judgement(ValidationCode.NOT_ACTIVATED, "the license has no activated machine");
            }
            return new Judgement(ValidationCode.FINGERPRINT_MISMATCH, "this machine is not one of the license's "
                    + license.liveMachines().size() + " activated machines");
        }
        if (request.entitlement() != null && !license.entitlements().contains(request.entitlement())) {
            return new Judgement(ValidationCode.ENTITLEMENT_MISSING, "the license does not include " + request.entitlement());
        }
        if (request.meter() != null) {
            if (meter == null) {
                return new Judgement(ValidationCode.ENTITLEMENT_MISSING, "the license has no meter " + request.meter());
            }
            if (license.meters().get(meter.meter()).exhaustedBy(meter.used())) {
                return new Judgement(ValidationCode.QUOTA_EXCEEDED, "meter " + meter.meter() + " allows " + meter.cap() + " per "
                        + meter.period() + "; " + meter.used() + " used since " + meter.periodStart());
            }
        }
        return switch (standing) {
            case IN_GRACE_PERIOD -> new Judgement(standing, "expired at " + license.expiry().expiresAt() + ", in its grace period until "
                    + license.expiry().graceEndsAt());
            case EXPIRED_ACCESS_MAINTAINED -> new Judgement(standing, "expired at " + license.expiry().expiresAt()
                    + "; its type maintains access with the features of its last term");
            default -> new Judgement(ValidationCode.VALID, "the license is valid");
        };
    }

    private static ValidationAnswer.Machine machine(LicenseSnapshot license, String fingerprint) {
        UUID activation = fingerprint == null ? null : license.liveMachines().get(fingerprint);
        return activation == null ? null : new ValidationAnswer.Machine(fingerprint, activation);
    }

    private static ValidationAnswer.Meter meter(LicenseSnapshot license, String name, Instant now) {
        MeterQuota quota = name == null ? null : license.meters().get(name);
        if (quota == null) {
            return null;
        }
        QuotaWindow window = QuotaWindow.of(QuotaPeriod.valueOf(quota.period()), license.startsAt(), license.expiry().expiresAt(),
                license.termPeriod(), now);
        LicenseSnapshot.UsageCounter counter = license.usage().get(name);
        long used = counter != null && counter.periodStart().equals(window.start()) ? counter.used() : 0;
        long cap = quota.cap();
        return new ValidationAnswer.Meter(name, quota.period(), quota.quota(), cap < 0 ? null : cap, used, window.start(), window.end());
    }

    private ValidationAnswer answer(ValidationCode code, String detail, LicenseSnapshot license, ValidationAnswer.Machine machine,
            ValidationAnswer.Meter meter, ValidationAnswer.Scope scope, ValidateRequest request, Instant now) {
        ValidationAnswer.License summary = license == null ? null : new ValidationAnswer.License(license.licenseId(), license.accountId(),
                license.status().name(), new ValidationAnswer.Type(license.type(), license.typeVersion()), license.entitlements(),
                license.expiry().expiresAt(), license.expiry().graceEndsAt(), license.expiry().maintainsAccess() ? "MAINTAIN_ACCESS" : "RESTRICT_ACCESS",
                new ValidationAnswer.Seats(license.seatModel(), license.seatsUsed(), license.seatLimit()));
        OptOuts collectable = license == null ? null : optOuts.of(license.accountId(), request.fingerprint(), request.user());
        return new ValidationAnswer(code.valid(), code, detail, summary, machine, meter, scope, collectable, request.nonce(), now);
    }
}
