package io.licenseflow.onboarding.account;

import java.time.Instant;
import java.util.UUID;

/** What the API shows of an account. */
public record AccountView(UUID id, String name, String contactEmail, OnboardingStep onboardingStep, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.id, account.name, account.contactEmail, account.onboardingStep, account.createdAt);
    }
}
