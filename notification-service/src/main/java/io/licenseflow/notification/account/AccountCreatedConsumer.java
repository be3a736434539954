package io.licenseflow.notification.account;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.notification.crm.CrmSyncQueue;
import io.licenseflow.notification.notice.NoticeQueue;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records each new account's contact as a recipient, once per event; wakes the notices waiting for it and marks its CRM record changed. */
@ApplicationScoped
public class AccountCreatedConsumer {

    static final String CONSUMER = "notification-service.recipients";

    private final EventRouting routing;
    private final CrmSyncQueue crm;
    private final NoticeQueue notices;

    public AccountCreatedConsumer(ProcessedEvents processedEvents, CrmSyncQueue crm, NoticeQueue notices) {
        this.crm = crm;
        this.notices = notices;
        this.routing = processedEvents.routing(CONSUMER).on(AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION, AccountCreated.class, this::record);
    }

    @Incoming("account-events")
    public Uni<Void> onAccountEvent(String value) {
        return routing.apply(value).invoke(crm::committed).invoke(notices::queued);
    }

    private Uni<?> record(EventEnvelope event, AccountCreated created) {
        Recipient recipient = new Recipient();
        recipient.id = created.accountId();
        recipient.name = created.name();
        recipient.email = created.contactEmail();
        recipient.locale = created.locale() != null ? created.locale() : "en";
        recipient.sourceEventId = event.id();
        recipient.recordedAt = Instant.now();
        return recipient.persist().chain(() -> crm.changed(created.accountId(), event.occurredAt()))
                .chain(() -> notices.recipientKnown(created.accountId()));
    }
}
