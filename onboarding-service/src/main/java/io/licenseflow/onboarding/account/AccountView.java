package io.licenseflow.onboarding.account;

import java.time.Instant;
import java.util.UUID;

/** What the API shows of an account; its onboarding is at /v1/onboardings/{onboardingId}. */
public record AccountView(UUID id, String name, String contactEmail, String locale, UUID onboardingId, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.id, account.name, account.contactEmail, account.locale, account.onboardingId, account.createdAt);
    }
}
