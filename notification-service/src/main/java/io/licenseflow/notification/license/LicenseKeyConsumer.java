package io.licenseflow.notification.license;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.licensekey.LicenseKeyIssued;
import io.licenseflow.notification.notice.NoticeQueue;
import io.licenseflow.notification.template.NoticeTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Queues the notices of issued keys (license details and activation instructions, both carrying the key), once per
 * event. License changes and completed onboardings are queued by their consumers, with what they keep of them.
 */
@ApplicationScoped
public class LicenseKeyConsumer {

    static final String KEYS = "notification-service.license-keys";

    private final NoticeQueue notices;
    private final EventRouting keys;

    public LicenseKeyConsumer(ProcessedEvents processedEvents, NoticeQueue notices) {
        this.notices = notices;
        this.keys = processedEvents.routing(KEYS).on(LicenseKeyIssued.TYPE, LicenseKeyIssued.SCHEMA_VERSION, LicenseKeyIssued.class,
                (event, issued) -> notices.enqueue(event, NoticeTemplate.LICENSE_DETAILS, issued.accountId(), issued.licenseId())
                        .chain(() -> notices.enqueue(event, NoticeTemplate.ACTIVATION_INSTRUCTIONS, issued.accountId(), issued.licenseId())));
    }

    @Incoming("license-key-events")
    public Uni<Void> onLicenseKeyEvent(String value) {
        return keys.apply(value).invoke(notices::queued);
    }
}
