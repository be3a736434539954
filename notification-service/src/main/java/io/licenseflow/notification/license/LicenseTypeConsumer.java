package io.licenseflow.notification.license;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.licensetype.LicenseTypePublished;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps each license type's display name (its latest version's), once per event. */
@ApplicationScoped
public class LicenseTypeConsumer {

    static final String CONSUMER = "notification-service.license-types";

    private final EventRouting routing;

    public LicenseTypeConsumer(ProcessedEvents processedEvents) {
        this.routing = processedEvents.routing(CONSUMER)
                .on(LicenseTypePublished.TYPE, LicenseTypePublished.SCHEMA_VERSION, LicenseTypePublished.class, this::record);
    }

    @Incoming("license-type-events")
    public Uni<Void> onLicenseTypeEvent(String value) {
        return routing.apply(value);
    }

    private Uni<?> record(EventEnvelope event, LicenseTypePublished published) {
        return LicenseTypeName.<LicenseTypeName>findById(published.name()).chain(held -> {
            if (held != null && held.version >= published.version()) {
                return Uni.createFrom().voidItem();
            }
            LicenseTypeName name = held != null ? held : new LicenseTypeName();
            name.name = published.name();
            name.displayName = published.definition().displayName();
            name.version = published.version();
            return held != null ? Uni.createFrom().voidItem() : name.persist().replaceWithVoid();
        });
    }
}
