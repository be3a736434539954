package io.licenseflow.onboarding.account;

import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.account.AccountCreated;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Creates accounts and starts their onboarding; the account row and AccountCreated commit together. */
@ApplicationScoped
public class AccountOnboarding {

    private final Outbox outbox;

    public AccountOnboarding(Outbox outbox) {
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Account> create(CreateAccountRequest request, String createdBy) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.name = request.name();
        account.contactEmail = request.contactEmail();
        account.onboardingStep = OnboardingStep.ACCOUNT_CREATED;
        account.createdBy = createdBy;
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return account.<Account>persist()
                .call(saved -> outbox.publish(AggregateTypes.ACCOUNT, saved.id.toString(), AccountCreated.TYPE,
                        AccountCreated.SCHEMA_VERSION,
                        new AccountCreated(saved.id, saved.name, saved.contactEmail, saved.createdAt)));
    }
}
