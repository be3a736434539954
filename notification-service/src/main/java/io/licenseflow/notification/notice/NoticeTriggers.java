package io.licenseflow.notification.notice;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.licensekey.LicenseKeyIssued;
import io.licenseflow.events.onboarding.OnboardingProgressed;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.licenseflow.notification.template.NoticeTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Queues the notices of issued keys (license details and activation instructions, both carrying the key) and of
 * completed onboardings, once per event. License changes are queued by the license consumer, with its snapshot.
 */
@ApplicationScoped
public class NoticeTriggers {

    static final String KEYS = "notification-service.license-keys";
    static final String ONBOARDING = "notification-service.onboarding";

    private final NoticeQueue notices;
    private final EventRouting keys;
    private final EventRouting onboarding;

    public NoticeTriggers(ProcessedEvents processedEvents, NoticeQueue notices) {
        this.notices = notices;
        this.keys = processedEvents.routing(KEYS).on(LicenseKeyIssued.TYPE, LicenseKeyIssued.SCHEMA_VERSION, LicenseKeyIssued.class,
                (event, issued) -> notices.enqueue(event, NoticeTemplate.LICENSE_DETAILS, issued.accountId(), issued.licenseId())
                        .chain(() -> notices.enqueue(event, NoticeTemplate.ACTIVATION_INSTRUCTIONS, issued.accountId(), issued.licenseId())));
        this.onboarding = processedEvents.routing(ONBOARDING).on(OnboardingProgressed.TYPE, OnboardingProgressed.SCHEMA_VERSION,
                OnboardingProgressed.class, (event, progressed) -> progressed.step() == OnboardingStep.COMPLETED
                        ? notices.enqueue(event, NoticeTemplate.ONBOARDING_COMPLETED, progressed.accountId(), progressed.licenseId())
                        : Uni.createFrom().voidItem());
    }

    @Incoming("license-key-events")
    public Uni<Void> onLicenseKeyEvent(String value) {
        return keys.apply(value).invoke(notices::queued);
    }

    @Incoming("onboarding-events")
    public Uni<Void> onOnboardingEvent(String value) {
        return onboarding.apply(value).invoke(notices::queued);
    }
}
