package io.licenseflow.events.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code AccountCreated} v1 (schema {@code schemas/account-created.v1.json}). {@code locale} (BCP 47, e.g.
 * {@code en} or {@code de}) chooses the language of the account's notices; it was added within v1 and may be absent
 * (null) in older events, which means {@code en}.
 */
public record AccountCreated(UUID accountId, String name, String contactEmail, Instant createdAt, String locale) {

    public static final String TYPE = "AccountCreated";
    public static final int SCHEMA_VERSION = 1;
}
