package io.licenseflow.optout.account;

import io.licenseflow.commons.inbox.EventRouting;
import io.licenseflow.commons.inbox.ProcessedEvents;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.optout.optout.AccountStates;
import io.licenseflow.optout.purpose.OptOutDefaults;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Opens an opt-out scope for each new account, once per event, in the default jurisdiction, and publishes the account
 * subject's state (what its subjects are opted out of by default) for enforcement.
 */
@ApplicationScoped
public class AccountCreatedConsumer {

    static final String CONSUMER = "optout-service.account-scopes";

    private final EventRouting routing;
    private final AccountStates accountStates;
    private final OptOutDefaults defaults;

    public AccountCreatedConsumer(ProcessedEvents processedEvents, AccountStates accountStates, OptOutDefaults defaults) {
        this.accountStates = accountStates;
        this.defaults = defaults;
        this.routing = processedEvents.routing(CONSUMER).on(AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION, AccountCreated.class, this::record);
    }

    @Incoming("account-events")
    public Uni<Void> onAccountEvent(String value) {
        return routing.apply(value);
    }

    private Uni<?> record(EventEnvelope event, AccountCreated created) {
        OptOutAccount account = new OptOutAccount();
        account.id = created.accountId();
        account.name = created.name();
        account.jurisdiction = defaults.defaultJurisdiction();
        account.sourceEventId = event.id();
        account.recordedAt = Instant.now();
        return account.persist().chain(() -> accountStates.publish(account.id));
    }
}
