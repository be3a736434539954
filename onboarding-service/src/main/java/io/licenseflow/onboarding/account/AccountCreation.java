package io.licenseflow.onboarding.account;

import io.licenseflow.commons.logging.FlowContext;
import io.licenseflow.commons.outbox.Outbox;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.onboarding.offer.LicenseTypeOffers;
import io.licenseflow.onboarding.onboarding.Onboarding;
import io.licenseflow.onboarding.onboarding.OnboardingSteps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Creates an account and starts its onboarding, in one transaction: the account, its onboarding at ACCOUNT_CREATED,
 * and the events AccountCreated and OnboardingStarted commit together or not at all.
 */
@ApplicationScoped
public class AccountCreation {

    /** What a creation did: made the account, or found the same one (an idempotent PUT). */
    public record Created(Account account, boolean created) {
    }

    private final Outbox outbox;
    private final LicenseTypeOffers offers;
    private final OnboardingSteps steps;

    public AccountCreation(Outbox outbox, LicenseTypeOffers offers, OnboardingSteps steps) {
        this.outbox = outbox;
        this.offers = offers;
        this.steps = steps;
    }

    @WithTransaction
    public Uni<Created> create(CreateAccountRequest request, String actor) {
        return offers.require(request.licenseType(), request.seats()).chain(offer -> insert(UUID.randomUUID(), request, actor));
    }

    /**
     * Creates the account under {@code id} unless it exists; the same details again answer the existing account, other
     * details 409 {@code account-exists}. Lets a product backend retry a creation safely with its own id.
     */
    @WithTransaction
    public Uni<Created> createWithId(UUID id, CreateAccountRequest request, String actor) {
        return Account.<Account>findById(id).chain(existing -> {
            if (existing == null) {
                return offers.require(request.licenseType(), request.seats()).chain(offer -> insert(id, request, actor));
            }
            return Onboarding.<Onboarding>findById(existing.onboardingId).map(onboarding -> {
                boolean same = existing.name.equals(request.name()) && existing.contactEmail.equals(request.contactEmail())
                        && existing.locale.equals(request.localeOrDefault()) && onboarding != null
                        && onboarding.licenseType.equals(request.licenseType()) && Objects.equals(onboarding.seats, request.seats());
                if (!same) {
                    throw new ProblemException(ProblemCode.ACCOUNT_EXISTS, "account " + id + " exists with other details");
                }
                return new Created(existing, false);
            });
        });
    }

    private Uni<Created> insert(UUID id, CreateAccountRequest request, String actor) {
        Account account = new Account();
        account.id = id;
        account.name = request.name();
        account.contactEmail = request.contactEmail();
        account.locale = request.localeOrDefault();
        account.onboardingId = UUID.randomUUID();
        account.createdBy = actor;
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        FlowContext.put(FlowContext.ACCOUNT, id);
        return account.<Account>persist()
                .chain(saved -> outbox.publish(AggregateTypes.ACCOUNT, saved.id.toString(), AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION,
                        new AccountCreated(saved.id, saved.name, saved.contactEmail, saved.createdAt, saved.locale)))
                .chain(accountCreated -> steps.start(account.onboardingId, account.id, request.licenseType(), request.seats(), accountCreated, actor))
                .replaceWith(new Created(account, true));
    }
}
