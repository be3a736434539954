package io.licenseflow.entitlement.license;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.entitlement.licensetype.LicenseTypeCatalog;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.license.LicenseIssueRejected;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.Seats;
import io.licenseflow.events.onboarding.OnboardingRetried;
import io.licenseflow.events.onboarding.OnboardingStarted;
import io.licenseflow.events.onboarding.OnboardingStep;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * entitlement-service's step of the onboarding saga: on OnboardingStarted (and OnboardingRetried at KEY_ASSIGNED) it
 * issues the license asked for, or says why it cannot (LicenseIssueRejected). One license per onboarding, however
 * often the request arrives.
 */
@ApplicationScoped
public class LicenseIssuer {

    static final String CONSUMER = "entitlement-service.license-issuer";
    private static final Logger LOG = Logger.getLogger(LicenseIssuer.class);

    private final EventRouting routing;
    private final LicenseTypeCatalog catalog;
    private final LicenseIssuance issuance;
    private final LicenseEvents events;

    public LicenseIssuer(ProcessedEvents processedEvents, LicenseTypeCatalog catalog, LicenseIssuance issuance, LicenseEvents events) {
        this.catalog = catalog;
        this.issuance = issuance;
        this.events = events;
        this.routing = processedEvents.routing(CONSUMER)
                .on(OnboardingStarted.TYPE, OnboardingStarted.SCHEMA_VERSION, OnboardingStarted.class,
                        (event, started) -> issue(started.onboardingId(), started.accountId(), started.licenseType(), started.seats(), started.attempt()))
                .on(OnboardingRetried.TYPE, OnboardingRetried.SCHEMA_VERSION, OnboardingRetried.class, this::retry);
    }

    @Incoming("onboarding-events")
    public Uni<Void> onOnboardingEvent(String value) {
        return routing.apply(value);
    }

    private Uni<?> retry(EventEnvelope event, OnboardingRetried retried) {
        if (retried.step() != OnboardingStep.KEY_ASSIGNED) {
            return Uni.createFrom().voidItem();
        }
        return issue(retried.onboardingId(), retried.accountId(), retried.licenseType(), retried.seats(), retried.attempt());
    }

    private Uni<?> issue(UUID onboardingId, UUID accountId, String typeName, Integer seats, int attempt) {
        FlowContext.put(FlowContext.ACCOUNT, accountId);
        FlowContext.put(FlowContext.ONBOARDING, onboardingId);
        return License.<License>find("onboardingId", onboardingId).firstResult().chain(existing -> {
            if (existing != null) {
                LOG.infof("onboarding %s already has license %s", onboardingId, existing.id);
                return Uni.createFrom().voidItem();
            }
            return catalog.findCurrent(typeName).chain(type -> {
                if (type == null) {
                    return reject(onboardingId, accountId, attempt, LicenseIssueRejected.UNKNOWN_LICENSE_TYPE, "no license type named '" + typeName + "'");
                }
                Seats rule = type.definition().seats();
                int max = rule.maxLimit() == null ? rule.limit() : rule.maxLimit();
                int seatLimit = seats == null ? rule.limit() : seats;
                if (seatLimit < 1 || seatLimit > max || rule.maxLimit() == null && seatLimit != rule.limit()) {
                    return reject(onboardingId, accountId, attempt, LicenseIssueRejected.SEATS_NOT_ALLOWED,
                            rule.maxLimit() == null ? typeName + " has exactly " + rule.limit() + " seats"
                                    : typeName + " allows 1 to " + max + " seats, not " + seatLimit);
                }
                return issuance.issue(type, accountId, onboardingId, seatLimit);
            });
        });
    }

    private Uni<?> reject(UUID onboardingId, UUID accountId, int attempt, String reason, String detail) {
        LOG.warnf("cannot issue the license onboarding %s asked for: %s (%s)", onboardingId, reason, detail);
        return events.rejected(onboardingId, accountId, attempt, reason, detail);
    }
}
