package io.licenseflow.entitlement.activation;

import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.entitlement.license.License;
import io.licenseflow.entitlement.license.LicenseAccess;
import io.licenseflow.entitlement.license.LicenseEvents;
import io.licenseflow.entitlement.licensetype.LicenseTypeVersion;
import io.licenseflow.entitlement.token.IssuedToken;
import io.licenseflow.entitlement.token.LicenseTokens;
import io.licenseflow.events.license.LicenseActivated;
import io.licenseflow.events.license.MachineActivated;
import io.licenseflow.events.license.MachineDeactivated;
import io.licenseflow.events.license.UsageVerified;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seats. An activation locks its license's row, so activations of one license take turns: the seat count is read and
 * raised by one transaction at a time, and the limit holds however many arrive at once (the database also refuses a
 * count above the limit). The same fingerprint again gets its existing activation.
 */
@ApplicationScoped
public class Activations {

    private static final Logger LOG = Logger.getLogger(Activations.class);

    /** An activation, whether this request created it, and the machine's fresh license token. */
    public record Activated(Activation activation, boolean created, IssuedToken token) {
    }

    private final LicenseEvents events;
    private final LicenseTokens tokens;

    public Activations(LicenseEvents events, LicenseTokens tokens) {
        this.events = events;
        this.tokens = tokens;
    }

    @WithTransaction
    public Uni<Activated> activate(ActivateRequest request, LicenseAccess.Caller caller, LicenseAccess access) {
        return access.open(request.key(), LockModeType.PESSIMISTIC_WRITE, caller).chain(license -> {
            FlowContext.put(FlowContext.LICENSE, license.id);
            FlowContext.put(FlowContext.ACCOUNT, license.accountId);
            if (!license.grantsAccessAt(now())) {
                throw new ProblemException(ProblemCode.LICENSE_NOT_ACTIVE, "license " + license.keyPrefix + " is " + license.status
                        + ": it takes no new activations");
            }
            return Activation.<Activation>find("licenseId = ?1 and fingerprint = ?2 and status = ?3", license.id, request.fingerprint(),
                    ActivationStatus.ACTIVE).firstResult().chain(existing -> existing != null
                            ? tokens.issue(license, heartbeat(existing, license)).map(token -> new Activated(existing, false, token))
                            : newActivation(license, request));
        });
    }

    private Uni<Activated> newActivation(License license, ActivateRequest request) {
        if (license.seatsUsed >= license.seatLimit) {
            throw new ProblemException(ProblemCode.SEAT_LIMIT_REACHED, "license " + license.keyPrefix + " has all its " + license.seatLimit
                    + " seats in use: deactivate a machine first");
        }
        Instant now = now();
        Activation activation = new Activation();
        activation.id = UUID.randomUUID();
        activation.licenseId = license.id;
        activation.accountId = license.accountId;
        activation.fingerprint = request.fingerprint();
        activation.name = request.name();
        activation.platform = request.platform();
        activation.metadata = request.metadata() == null ? Map.of() : Map.copyOf(request.metadata());
        activation.status = ActivationStatus.ACTIVE;
        activation.activatedAt = now;
        activation.lastHeartbeatAt = now;
        activation.heartbeatDeadline = deadline(license, now);
        activation.createdAt = now;
        activation.updatedAt = now;
        license.seatsUsed++;
        license.updatedAt = now;
        boolean first = license.firstActivatedAt == null;
        if (first) {
            license.firstActivatedAt = now;
        }
        LOG.infof("license %s: machine %s activated (%d of %d seats)", license.id, activation.id, license.seatsUsed, license.seatLimit);
        return activation.<Activation>persist()
                .call(() -> events.publish(license.id, MachineActivated.TYPE, new MachineActivated(activation.id, license.id, license.accountId,
                        activation.fingerprint, activation.name, activation.platform, license.seatsUsed, license.seatLimit, now)))
                .call(() -> first ? events.publish(license.id, LicenseActivated.TYPE,
                        new LicenseActivated(license.id, license.accountId, license.onboardingId, activation.id, now)) : Uni.createFrom().voidItem())
                .call(() -> first ? verifyUsageIfUnmetered(license, now) : Uni.createFrom().voidItem())
                .chain(saved -> tokens.issue(license, saved).map(token -> new Activated(saved, true, token)));
    }

    /** A type that meters nothing has no usage to wait for: its first activation passes the usage check too. */
    private Uni<Void> verifyUsageIfUnmetered(License license, Instant now) {
        return LicenseTypeVersion.<LicenseTypeVersion>find("licenseTypeId = ?1 and version = ?2", license.licenseTypeId, license.licenseTypeVersion)
                .firstResult()
                .chain(type -> {
                    boolean metered = type == null || type.definition().usageRules() != null && !type.definition().usageRules().isEmpty();
                    if (metered || license.firstUsageAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    license.firstUsageAt = now;
                    LOG.infof("license %s: its type meters nothing, so its first activation verifies usage", license.id);
                    return events.publish(license.id, UsageVerified.TYPE, UsageVerified.unmetered(license.id, license.accountId, license.onboardingId, now))
                            .replaceWithVoid();
                });
    }

    /** Frees the seat. */
    @WithTransaction
    public Uni<Void> deactivate(UUID activationId, String typedKey, LicenseAccess.Caller caller, LicenseAccess access) {
        return lockedActive(activationId, typedKey, caller, access).chain(found -> release(found.activation(), found.license(), MachineDeactivated.DEACTIVATED));
    }

    /** A floating seat's check-in: its deadline moves on by the heartbeat TTL. */
    @WithTransaction
    public Uni<Activation> heartbeat(UUID activationId, String typedKey, LicenseAccess.Caller caller, LicenseAccess access) {
        return lockedActive(activationId, typedKey, caller, access).map(found -> heartbeat(found.activation(), found.license()));
    }

    /** A fresh license token for an active activation of a license that may be used. */
    @WithTransaction
    public Uni<IssuedToken> refreshToken(UUID activationId, String typedKey, LicenseAccess.Caller caller, LicenseAccess access) {
        return lockedActive(activationId, typedKey, caller, access).chain(found -> {
            if (!found.license().grantsAccessAt(now())) {
                throw new ProblemException(ProblemCode.LICENSE_NOT_ACTIVE, "license " + found.license().keyPrefix + " is "
                        + found.license().status + ": no token is issued for it");
            }
            return tokens.issue(found.license(), found.activation());
        });
    }

    /**
     * Floating seats whose heartbeat deadline passed: deactivated as HEARTBEAT_DEAD, each once however many replicas
     * look (each is re-read under its license's and its own lock before it is released).
     */
    @WithTransaction
    public Uni<Integer> reclaimDead(int batch) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select a.id from Activation a where a.status = :active and a.heartbeatDeadline < :now", UUID.class)
                .setParameter("active", ActivationStatus.ACTIVE).setParameter("now", now()).setMaxResults(batch).getResultList())
                .chain(dead -> Multi.createFrom().iterable(dead)
                        .onItem().transformToUniAndConcatenate(id -> lockedWithLicense(id).chain(found -> {
                            boolean stillDead = found != null && found.activation().status == ActivationStatus.ACTIVE
                                    && found.activation().heartbeatDeadline != null && found.activation().heartbeatDeadline.isBefore(now());
                            return stillDead ? release(found.activation(), found.license(), MachineDeactivated.HEARTBEAT_DEAD).replaceWith(1)
                                    : Uni.createFrom().item(0);
                        }))
                        .collect().asList().map(released -> released.stream().mapToInt(Integer::intValue).sum()));
    }

    private record Found(Activation activation, License license) {
    }

    /**
     * The active activation and its license, both locked. With a key instead of a token, the activation must be of that
     * key's license; with a customer's token, of that customer's account. Anything else is 404, so that ids cannot be
     * probed.
     */
    private Uni<Found> lockedActive(UUID activationId, String typedKey, LicenseAccess.Caller caller, LicenseAccess access) {
        FlowContext.put("activationId", activationId);
        Uni<UUID> keyLicense = caller.anonymous()
                ? access.open(typedKey == null ? "" : typedKey, LockModeType.PESSIMISTIC_WRITE, caller).map(license -> license.id)
                : Uni.createFrom().nullItem();
        return keyLicense.chain(byKey -> lockedWithLicense(activationId).map(found -> {
            boolean visible = found != null && found.activation().status == ActivationStatus.ACTIVE
                    && (byKey != null ? byKey.equals(found.license().id) : caller.mayUse(found.license()));
            if (!visible) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no active activation " + activationId);
            }
            FlowContext.put(FlowContext.LICENSE, found.license().id);
            FlowContext.put(FlowContext.ACCOUNT, found.license().accountId);
            return found;
        }));
    }

    /** Locks in the order activations take them everywhere: the license first, then the activation (read fresh under the lock). */
    private static Uni<Found> lockedWithLicense(UUID activationId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select a.licenseId from Activation a where a.id = :id", UUID.class)
                        .setParameter("id", activationId).getSingleResultOrNull())
                .chain(licenseId -> licenseId == null ? Uni.createFrom().nullItem()
                        : License.<License>findById(licenseId, LockModeType.PESSIMISTIC_WRITE)
                                .chain(license -> Activation.<Activation>findById(activationId, LockModeType.PESSIMISTIC_WRITE)
                                        .map(activation -> new Found(activation, license))));
    }

    private Uni<Void> release(Activation activation, License license, String reason) {
        Instant now = now();
        activation.status = ActivationStatus.DEACTIVATED;
        activation.deactivatedAt = now;
        activation.deactivationReason = reason;
        activation.updatedAt = now;
        license.seatsUsed--;
        license.updatedAt = now;
        LOG.infof("license %s: machine %s deactivated (%s), %d of %d seats in use", license.id, activation.id, reason, license.seatsUsed,
                license.seatLimit);
        return events.publish(license.id, MachineDeactivated.TYPE,
                new MachineDeactivated(activation.id, license.id, license.accountId, reason, license.seatsUsed, now)).replaceWithVoid();
    }

    private static Activation heartbeat(Activation activation, License license) {
        Instant now = now();
        activation.lastHeartbeatAt = now;
        activation.heartbeatDeadline = deadline(license, now);
        activation.updatedAt = now;
        return activation;
    }

    private static Instant deadline(License license, Instant from) {
        return license.heartbeatTtl == null ? null : from.plus(Duration.parse(license.heartbeatTtl));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
