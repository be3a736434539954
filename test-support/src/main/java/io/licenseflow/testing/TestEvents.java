package io.licenseflow.testing;

import io.licenseflow.events.AggregateTypes;
import io.licenseflow.events.EventEnvelope;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.account.AccountCreated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events as onboarding-service would publish them, for testing consumers on their own. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope accountCreated(UUID accountId, String name) {
        return accountCreatedWithKey(accountId, accountId.toString(), name);
    }

    /** An AccountCreated whose record key (aggregate id) is {@code key}, to put it on another aggregate's partition. */
    public static EventEnvelope accountCreatedWithKey(UUID accountId, String key, String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope(UUID.randomUUID(), AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION,
                "/licenseflow/onboarding-service", AggregateTypes.ACCOUNT, key, now,
                EventJson.MAPPER.valueToTree(new AccountCreated(accountId, name, "contact@" + accountId + ".example.com", now)), "test-" + accountId);
    }
}
