package io.licenseflow.notification.account;

import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.account.AccountCreated;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records each new account's contact as a recipient, once per event. */
@ApplicationScoped
public class AccountCreatedConsumer {

    static final String CONSUMER = "notification-service.recipients";

    private final ProcessedEvents processedEvents;

    public AccountCreatedConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Incoming("account-events")
    public Uni<Void> onAccountEvent(String value) {
        EventEnvelope event = EventJson.read(value);
        if (!AccountCreated.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        AccountCreated created = event.payloadAs(AccountCreated.class);
        return processedEvents.applyOnce(CONSUMER, event, () -> {
            Recipient recipient = new Recipient();
            recipient.id = created.accountId();
            recipient.name = created.name();
            recipient.email = created.contactEmail();
            recipient.sourceEventId = event.id();
            recipient.recordedAt = Instant.now();
            return recipient.persist();
        }).replaceWithVoid();
    }
}
