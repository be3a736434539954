package io.licenseflow.events.account;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code AccountCreated} v1 (schema {@code schemas/account-created.v1.json}). */
public record AccountCreated(UUID accountId, String name, String contactEmail, Instant createdAt) {

    public static final String TYPE = "AccountCreated";
    public static final int SCHEMA_VERSION = 1;
}
