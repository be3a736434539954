package io.licenseflow.onboarding.progress;

import java.util.UUID;

/** That an account's onboarding changed: the onboarding event Debezium published (so the change is committed). */
record ProgressSignal(UUID accountId, UUID eventId, String json) {
}
