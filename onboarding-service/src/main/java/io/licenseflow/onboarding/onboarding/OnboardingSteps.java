package io.licenseflow.onboarding.onboarding;

import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.onboarding.OnboardingFailed;
import io.licenseflow.events.onboarding.OnboardingProgressed;
import io.licenseflow.events.onboarding.OnboardingRetried;
import io.licenseflow.events.onboarding.OnboardingStalled;
import io.licenseflow.events.onboarding.OnboardingStarted;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The onboarding state machine. A step moves forward only on the event of the service that owns it, only to the step
 * the onboarding waits for, and is persisted (with the event that confirmed it, and an OnboardingProgressed event) in
 * the transaction that records the event as consumed. A repeated or late event never moves a step backwards; one that
 * skips a step is refused. Every change locks the onboarding row, so replicas cannot interleave.
 */
@ApplicationScoped
public class OnboardingSteps {

    private static final Logger LOG = Logger.getLogger(OnboardingSteps.class);

    private final Outbox outbox;
    private final OnboardingMetrics metrics;

    public OnboardingSteps(Outbox outbox, OnboardingMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** Starts the onboarding of an account created in the caller's transaction, confirmed by its AccountCreated. */
    public Uni<Onboarding> start(UUID onboardingId, UUID accountId, String licenseType, Integer seats, EventEnvelope accountCreated, String actor) {
        Instant now = accountCreated.occurredAt();
        Onboarding onboarding = new Onboarding();
        onboarding.id = onboardingId;
        onboarding.accountId = accountId;
        onboarding.licenseType = licenseType;
        onboarding.seats = seats;
        onboarding.step = OnboardingStep.ACCOUNT_CREATED;
        onboarding.status = OnboardingStatus.IN_PROGRESS;
        onboarding.waitingSince = now;
        onboarding.attempt = 1;
        onboarding.createdAt = now;
        onboarding.updatedAt = now;
        FlowContext.put(FlowContext.ONBOARDING, onboardingId);
        LOG.infof("onboarding %s started for account %s: license type %s, seats %s", onboardingId, accountId, licenseType,
                seats == null ? "default" : seats);
        metrics.started();
        return onboarding.<Onboarding>persist()
                .call(() -> StepConfirmation.of(onboardingId, OnboardingStep.ACCOUNT_CREATED, now, accountCreated.id(), accountCreated.type()).persist())
                .call(() -> publish(onboarding, OnboardingStarted.TYPE,
                        new OnboardingStarted(onboardingId, accountId, licenseType, seats, 1, now, actor)));
    }

    /** Records {@code step} as confirmed by {@code event}, when the onboarding waits for exactly that step. */
    public Uni<?> confirm(UUID onboardingId, OnboardingStep step, EventEnvelope event, UUID licenseId) {
        return locked(onboardingId, event).chain(onboarding -> {
            if (onboarding == null) {
                return Uni.createFrom().voidItem();
            }
            if (step.ordinal() <= onboarding.step.ordinal()) {
                return ignore("repeated", "%s %s confirms %s, which onboarding %s has confirmed already", event, step, onboarding);
            }
            if (onboarding.status == OnboardingStatus.FAILED) {
                return ignore("failed", "%s %s confirms %s, but onboarding %s has failed (retry it first)", event, step, onboarding);
            }
            if (step != onboarding.waitingFor()) {
                return ignore("out-of-order", "%s %s confirms %s, but onboarding %s waits for " + onboarding.waitingFor(), event, step, onboarding);
            }
            return advance(onboarding, step, event, licenseId);
        });
    }

    /** Ends the onboarding as FAILED at {@code step}, when that is the step it waits for and the failure is of its current attempt. */
    public Uni<?> fail(UUID onboardingId, OnboardingStep step, int attempt, String reason, String detail, EventEnvelope event) {
        return locked(onboardingId, event).chain(onboarding -> {
            if (onboarding == null) {
                return Uni.createFrom().voidItem();
            }
            boolean current = onboarding.attempt == attempt && step == onboarding.waitingFor()
                    && (onboarding.status == OnboardingStatus.IN_PROGRESS || onboarding.status == OnboardingStatus.STALLED);
            if (!current) {
                return ignore("stale-failure", "%s %s reports a failure of %s (attempt " + attempt + ") that onboarding %s is past", event, step, onboarding);
            }
            Instant now = now();
            onboarding.status = OnboardingStatus.FAILED;
            onboarding.failedStep = step;
            onboarding.failureReason = reason;
            onboarding.failureDetail = detail;
            onboarding.failedAt = now;
            onboarding.stalledAt = null;
            onboarding.updatedAt = now;
            metrics.failed(step, reason);
            LOG.warnf("onboarding %s failed at %s: %s (%s)", onboarding.id, step, reason, detail);
            return publish(onboarding, OnboardingFailed.TYPE,
                    new OnboardingFailed(onboarding.id, onboarding.accountId, step, reason, detail, attempt, now));
        });
    }

    /** Resumes a failed onboarding at its failed step, as attempt n + 1, optionally with another type or seat count. */
    public Uni<Onboarding> retry(UUID onboardingId, String licenseType, Integer seats, String actor) {
        FlowContext.put(FlowContext.ONBOARDING, onboardingId);
        return Onboarding.<Onboarding>findById(onboardingId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> notFound(onboardingId))
                .chain(onboarding -> {
                    if (onboarding.status != OnboardingStatus.FAILED) {
                        throw new ProblemException(ProblemCode.ONBOARDING_NOT_FAILED,
                                "onboarding " + onboardingId + " is " + onboarding.status + "; only a FAILED one can be retried");
                    }
                    Instant now = now();
                    OnboardingStep step = onboarding.failedStep;
                    onboarding.attempt++;
                    onboarding.status = OnboardingStatus.IN_PROGRESS;
                    onboarding.licenseType = licenseType;
                    onboarding.seats = seats;
                    onboarding.failedStep = null;
                    onboarding.failureReason = null;
                    onboarding.failureDetail = null;
                    onboarding.failedAt = null;
                    onboarding.waitingSince = now;
                    onboarding.updatedAt = now;
                    LOG.infof("onboarding %s retried at %s by %s (attempt %d)", onboarding.id, step, actor, onboarding.attempt);
                    return publish(onboarding, OnboardingRetried.TYPE, new OnboardingRetried(onboarding.id, onboarding.accountId, step,
                            onboarding.licenseType, onboarding.seats, onboarding.attempt, now, actor)).replaceWith(onboarding);
                });
    }

    /**
     * Marks STALLED the onboardings that have waited for {@code waitingFor} longer than {@code limit}, each once: the
     * rows are locked, and a replica that waited for the lock finds them STALLED already.
     */
    public Uni<Integer> markStalled(OnboardingStep waitingFor, Duration limit) {
        Instant now = now();
        OnboardingStep confirmed = OnboardingStep.values()[waitingFor.ordinal() - 1];
        return Onboarding.<Onboarding>find("status = ?1 and step = ?2 and waitingSince < ?3", OnboardingStatus.IN_PROGRESS, confirmed, now.minus(limit))
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, 500).list()
                .chain(stalled -> Multi.createFrom().iterable(stalled)
                        // one after the other: a reactive session runs one statement at a time
                        .onItem().transformToUniAndConcatenate(onboarding -> stall(onboarding, waitingFor, now))
                        .collect().asList().map(List::size));
    }

    private Uni<?> stall(Onboarding onboarding, OnboardingStep waitingFor, Instant now) {
        onboarding.status = OnboardingStatus.STALLED;
        onboarding.stalledAt = now;
        onboarding.updatedAt = now;
        metrics.stalled(waitingFor);
        LOG.warnf("onboarding %s (account %s) has waited for %s since %s", onboarding.id, onboarding.accountId, waitingFor, onboarding.waitingSince);
        return publish(onboarding, OnboardingStalled.TYPE,
                new OnboardingStalled(onboarding.id, onboarding.accountId, waitingFor, onboarding.waitingSince, now));
    }

    private Uni<?> advance(Onboarding onboarding, OnboardingStep step, EventEnvelope event, UUID licenseId) {
        Instant now = now();
        OnboardingStep previous = onboarding.step;
        metrics.stepTook(step, Duration.between(onboarding.waitingSince, now));
        onboarding.step = step;
        onboarding.status = OnboardingStatus.IN_PROGRESS;
        onboarding.stalledAt = null;
        onboarding.waitingSince = now;
        onboarding.updatedAt = now;
        if (licenseId != null) {
            onboarding.licenseId = licenseId;
            FlowContext.put(FlowContext.LICENSE, licenseId);
        }
        LOG.infof("onboarding %s: %s confirmed by %s %s", onboarding.id, step, event.type(), event.id());
        Uni<?> recorded = StepConfirmation.of(onboarding.id, step, now, event.id(), event.type()).persist()
                .call(() -> publish(onboarding, OnboardingProgressed.TYPE, new OnboardingProgressed(onboarding.id, onboarding.accountId, step,
                        previous, onboarding.licenseId, event.id(), event.type(), now)));
        if (step != OnboardingStep.USAGE_VERIFIED) {
            return recorded;
        }
        // The last step owned by another service: onboarding-service completes the onboarding at once.
        return recorded.chain(() -> {
            onboarding.step = OnboardingStep.COMPLETED;
            onboarding.status = OnboardingStatus.COMPLETED;
            metrics.completed();
            LOG.infof("onboarding %s completed", onboarding.id);
            return StepConfirmation.of(onboarding.id, OnboardingStep.COMPLETED, now, event.id(), event.type()).persist()
                    .call(() -> publish(onboarding, OnboardingProgressed.TYPE, new OnboardingProgressed(onboarding.id, onboarding.accountId,
                            OnboardingStep.COMPLETED, OnboardingStep.USAGE_VERIFIED, onboarding.licenseId, event.id(), event.type(), now)));
        });
    }

    private Uni<Onboarding> locked(UUID onboardingId, EventEnvelope event) {
        if (onboardingId == null) {
            return Uni.createFrom().nullItem();
        }
        FlowContext.put(FlowContext.ONBOARDING, onboardingId);
        return Onboarding.<Onboarding>findById(onboardingId, LockModeType.PESSIMISTIC_WRITE).invoke(onboarding -> {
            if (onboarding == null) {
                metrics.ignored("unknown-onboarding");
                LOG.warnf("%s %s names onboarding %s, which does not exist here", event.type(), event.id(), onboardingId);
            } else {
                FlowContext.put(FlowContext.ACCOUNT, onboarding.accountId);
            }
        });
    }

    private Uni<?> ignore(String reason, String message, EventEnvelope event, OnboardingStep step, Onboarding onboarding) {
        metrics.ignored(reason);
        LOG.infof(message, event.type(), event.id(), step, onboarding.id);
        return Uni.createFrom().voidItem();
    }

    private Uni<?> publish(Onboarding onboarding, String type, Object payload) {
        return outbox.publish(AggregateTypes.ONBOARDING, onboarding.id.toString(), type, 1, payload);
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(ProblemCode.NOT_FOUND, "no onboarding " + id);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
