package io.licenseflow.optout.audit;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.optout.OptOutViolationCaught;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Puts each violation that enforcement caught (OptOutViolationCaught, from entitlement-service on the license topic)
 * into the compliance log, once per event, so that an audit finds them beside the choices they ran into.
 */
@ApplicationScoped
public class ViolationsCaughtConsumer {

    static final String CONSUMER = "optout-service.violations";

    private final EventRouting routing;
    private final ComplianceLog log;

    public ViolationsCaughtConsumer(ProcessedEvents processedEvents, ComplianceLog log) {
        this.log = log;
        this.routing = processedEvents.routing(CONSUMER)
                .on(OptOutViolationCaught.TYPE, OptOutViolationCaught.SCHEMA_VERSION, OptOutViolationCaught.class, this::record);
    }

    @Incoming("license-events")
    public Uni<Void> onLicenseEvent(String value) {
        return routing.apply(value);
    }

    private Uni<?> record(EventEnvelope event, OptOutViolationCaught caught) {
        ComplianceEntry entry = new ComplianceEntry();
        entry.action = ComplianceEntry.VIOLATION_CAUGHT;
        entry.accountId = caught.accountId();
        entry.kind = caught.subject().kind();
        entry.subjectId = caught.subject().id();
        entry.purpose = caught.purpose();
        entry.optedOut = true;
        entry.source = "enforcement";
        entry.subjectVersion = caught.optOutVersion();
        entry.actor = "entitlement-service";
        entry.client = caught.client();
        entry.requestId = event.correlationId();
        entry.detail = caught.action().toLowerCase(java.util.Locale.ROOT) + ": a " + caught.meter() + " usage report of license "
                + caught.licenseId() + " at " + caught.caughtAt();
        return log.append(entry);
    }
}
