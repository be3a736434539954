package io.licenseflow.onboarding.onboarding;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.license.LicenseActivated;
import io.licenseflow.events.license.LicenseIssueRejected;
import io.licenseflow.events.license.LicenseIssued;
import io.licenseflow.events.license.UsageVerified;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events that confirm (or fail) the steps entitlement-service owns: LicenseIssued (KEY_ASSIGNED),
 * LicenseIssueRejected (KEY_ASSIGNED failed), LicenseActivated (ACTIVATED) and UsageVerified (USAGE_VERIFIED, then
 * COMPLETED). Each is applied once, in the transaction that records it as consumed.
 */
@ApplicationScoped
public class OnboardingSaga {

    static final String CONSUMER = "onboarding-service.saga";

    private final EventRouting routing;

    public OnboardingSaga(ProcessedEvents processedEvents, OnboardingSteps steps) {
        this.routing = processedEvents.routing(CONSUMER)
                .on(LicenseIssued.TYPE, LicenseIssued.SCHEMA_VERSION, LicenseIssued.class,
                        (event, issued) -> steps.confirm(issued.onboardingId(), OnboardingStep.KEY_ASSIGNED, event, issued.licenseId()))
                .on(LicenseIssueRejected.TYPE, LicenseIssueRejected.SCHEMA_VERSION, LicenseIssueRejected.class,
                        (event, rejected) -> steps.fail(rejected.onboardingId(), OnboardingStep.KEY_ASSIGNED, rejected.attempt(),
                                rejected.reason(), rejected.detail(), event))
                .on(LicenseActivated.TYPE, LicenseActivated.SCHEMA_VERSION, LicenseActivated.class,
                        (event, activated) -> steps.confirm(activated.onboardingId(), OnboardingStep.ACTIVATED, event, activated.licenseId()))
                .on(UsageVerified.TYPE, UsageVerified.SCHEMA_VERSION, UsageVerified.class,
                        (event, verified) -> steps.confirm(verified.onboardingId(), OnboardingStep.USAGE_VERIFIED, event, verified.licenseId()));
    }

    @Incoming("license-events")
    public Uni<Void> onLicenseEvent(String value) {
        return routing.apply(value);
    }
}
