package io.licenseflow.notification.account;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.onboarding.OnboardingFailed;
import io.licenseflow.events.onboarding.OnboardingProgressed;
import io.licenseflow.events.onboarding.OnboardingRetried;
import io.licenseflow.events.onboarding.OnboardingStalled;
import io.licenseflow.events.onboarding.OnboardingStarted;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.licenseflow.notification.crm.CrmSyncQueue;
import io.licenseflow.notification.notice.NoticeQueue;
import io.licenseflow.notification.template.NoticeTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the onboarding events, once per event: keeps where each account's onboarding stands (and marks its CRM record
 * changed), and queues the onboarding-completed notice in the same transaction. An event older than what is held changes nothing.
 */
@ApplicationScoped
public class OnboardingEventsConsumer {

    static final String CONSUMER = "notification-service.onboarding";

    private final EventRouting routing;
    private final NoticeQueue notices;
    private final CrmSyncQueue crm;

    public OnboardingEventsConsumer(ProcessedEvents processedEvents, NoticeQueue notices, CrmSyncQueue crm) {
        this.notices = notices;
        this.crm = crm;
        this.routing = processedEvents.routing(CONSUMER)
                .on(OnboardingStarted.TYPE, OnboardingStarted.SCHEMA_VERSION, OnboardingStarted.class, (event, started) -> stand(started.accountId(),
                        started.onboardingId(), AccountOnboarding.IN_PROGRESS, OnboardingStep.ACCOUNT_CREATED.name(), null, started.startedAt()))
                .on(OnboardingRetried.TYPE, OnboardingRetried.SCHEMA_VERSION, OnboardingRetried.class, (event, retried) -> stand(retried.accountId(),
                        retried.onboardingId(), AccountOnboarding.IN_PROGRESS, retried.step().name(), null, retried.retriedAt()))
                .on(OnboardingProgressed.TYPE, OnboardingProgressed.SCHEMA_VERSION, OnboardingProgressed.class, this::progressed)
                .on(OnboardingFailed.TYPE, OnboardingFailed.SCHEMA_VERSION, OnboardingFailed.class, (event, failed) -> stand(failed.accountId(),
                        failed.onboardingId(), AccountOnboarding.FAILED, failed.step().name(), failed.reason() + ": " + failed.detail(), failed.at()))
                .on(OnboardingStalled.TYPE, OnboardingStalled.SCHEMA_VERSION, OnboardingStalled.class, (event, stalled) -> stand(stalled.accountId(),
                        stalled.onboardingId(), AccountOnboarding.STALLED, stalled.waitingFor().name(), "waiting since " + stalled.waitingSince(),
                        stalled.at()));
    }

    @Incoming("onboarding-events")
    public Uni<Void> onOnboardingEvent(String value) {
        return routing.apply(value).invoke(notices::queued).invoke(crm::committed);
    }

    private Uni<?> progressed(EventEnvelope event, OnboardingProgressed progressed) {
        boolean completed = progressed.step() == OnboardingStep.COMPLETED;
        Uni<Void> stand = stand(progressed.accountId(), progressed.onboardingId(), completed ? AccountOnboarding.COMPLETED : AccountOnboarding.IN_PROGRESS,
                progressed.step().name(), null, progressed.at());
        return completed ? stand.chain(() -> notices.enqueue(event, NoticeTemplate.ONBOARDING_COMPLETED, progressed.accountId(), progressed.licenseId()))
                : stand;
    }

    private Uni<Void> stand(UUID accountId, UUID onboardingId, String status, String step, String reason, Instant at) {
        return AccountOnboarding.<AccountOnboarding>findById(accountId).chain(held -> {
            if (held != null && held.updatedAt.isAfter(at)) {
                return Uni.createFrom().voidItem();
            }
            AccountOnboarding onboarding = held != null ? held : new AccountOnboarding();
            onboarding.accountId = accountId;
            onboarding.onboardingId = onboardingId;
            onboarding.status = status;
            onboarding.step = step;
            onboarding.reason = reason == null ? null : reason.length() <= 500 ? reason : reason.substring(0, 500);
            onboarding.updatedAt = at;
            return (held != null ? Uni.createFrom().voidItem() : onboarding.persist().replaceWithVoid()).chain(() -> crm.changed(accountId, at));
        });
    }
}
