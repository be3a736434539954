package io.licenseflow.notification.license;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.license.LicenseChanged;
import io.licenseflow.events.license.LicenseExpiring;
import io.licenseflow.events.license.LicenseIssued;
import io.licenseflow.events.license.MachineActivated;
import io.licenseflow.events.license.MachineDeactivated;
import io.licenseflow.notification.crm.CrmSyncQueue;
import io.licenseflow.notification.notice.NoticeQueue;
import io.licenseflow.notification.template.NoticeTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the license events, once per event: keeps each license's snapshot (type, status, term, seats), marks its
 * account's CRM record changed, and queues the notices they trigger in the same transaction (expiring, expired,
 * suspended, revoked).
 */
@ApplicationScoped
public class LicenseEventsConsumer {

    static final String CONSUMER = "notification-service.licenses";

    private static final Map<String, NoticeTemplate> NOTICE_OF_CHANGE = Map.of(
            LicenseChanged.EXPIRED, NoticeTemplate.LICENSE_EXPIRED,
            LicenseChanged.SUSPENDED, NoticeTemplate.LICENSE_SUSPENDED,
            LicenseChanged.REVOKED, NoticeTemplate.LICENSE_REVOKED);

    private final EventRouting routing;
    private final NoticeQueue notices;
    private final CrmSyncQueue crm;

    public LicenseEventsConsumer(ProcessedEvents processedEvents, NoticeQueue notices, CrmSyncQueue crm) {
        this.notices = notices;
        this.crm = crm;
        EventRouting routing = processedEvents.routing(CONSUMER)
                .on(LicenseIssued.TYPE, LicenseIssued.SCHEMA_VERSION, LicenseIssued.class, this::issued)
                .on(MachineActivated.TYPE, MachineActivated.SCHEMA_VERSION, MachineActivated.class,
                        (event, activated) -> seatsUsed(event, activated.accountId(), activated.licenseId(), activated.seatsUsed()))
                .on(MachineDeactivated.TYPE, MachineDeactivated.SCHEMA_VERSION, MachineDeactivated.class,
                        (event, deactivated) -> seatsUsed(event, deactivated.accountId(), deactivated.licenseId(), deactivated.seatsUsed()))
                .on(LicenseExpiring.TYPE, LicenseExpiring.SCHEMA_VERSION, LicenseExpiring.class,
                        (event, expiring) -> notices.enqueue(event, NoticeTemplate.LICENSE_EXPIRING, expiring.accountId(), expiring.licenseId()));
        for (String type : LicenseChanged.TYPES) {
            routing = routing.on(type, LicenseChanged.SCHEMA_VERSION, LicenseChanged.class, this::changed);
        }
        this.routing = routing;
    }

    @Incoming("license-events")
    public Uni<Void> onLicenseEvent(String value) {
        return routing.apply(value).invoke(notices::queued).invoke(crm::committed);
    }

    private Uni<?> issued(EventEnvelope event, LicenseIssued issued) {
        return LicenseSnapshot.<LicenseSnapshot>findById(issued.licenseId()).chain(held -> {
            if (held != null) {
                return Uni.createFrom().voidItem();
            }
            LicenseSnapshot license = new LicenseSnapshot();
            license.id = issued.licenseId();
            license.accountId = issued.accountId();
            license.licenseType = issued.licenseType();
            license.licenseTypeVersion = issued.licenseTypeVersion();
            license.status = issued.status().name();
            license.seatLimit = issued.seatLimit();
            license.startsAt = issued.startsAt();
            license.expiresAt = issued.expiresAt();
            license.keyPrefix = issued.keyPrefix();
            license.updatedAt = issued.issuedAt();
            return license.persist().chain(() -> crm.changed(issued.accountId(), event.occurredAt()))
                    .chain(() -> notices.licenseKnown(issued.licenseId()));
        });
    }

    private Uni<?> changed(EventEnvelope event, LicenseChanged change) {
        Uni<Void> snapshot = LicenseSnapshot.<LicenseSnapshot>findById(change.licenseId()).invoke(license -> {
            if (license != null && !change.at().isBefore(license.updatedAt)) {
                license.status = change.status().name();
                license.expiresAt = change.expiresAt();
                license.keyPrefix = change.keyPrefix() != null ? change.keyPrefix() : license.keyPrefix;
                license.updatedAt = change.at();
            }
        }).replaceWithVoid().chain(() -> crm.changed(change.accountId(), event.occurredAt()));
        NoticeTemplate notice = NOTICE_OF_CHANGE.get(event.type());
        return notice == null ? snapshot : snapshot.chain(() -> notices.enqueue(event, notice, change.accountId(), change.licenseId()));
    }

    private Uni<Void> seatsUsed(EventEnvelope event, UUID accountId, UUID licenseId, int seatsUsed) {
        return LicenseSnapshot.<LicenseSnapshot>findById(licenseId).invoke(license -> {
            if (license != null) {
                license.seatsUsed = seatsUsed;
            }
        }).chain(() -> crm.changed(accountId, event.occurredAt()));
    }
}
