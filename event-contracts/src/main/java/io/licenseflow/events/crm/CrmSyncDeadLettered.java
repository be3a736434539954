package io.licenseflow.events.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code CrmSyncDeadLettered} v1, the dead-letter topic of CRM synchronisation
 * ({@code licenseflow.crm-dead-letter.events}, keyed by account): notification-service gave up pushing an account's
 * record to {@code connector} ({@code hubspot}, {@code webhook}) after {@code attempts}, or the CRM refused it for good.
 * {@code record} is what it tried to push; a later change of the account, or {@code POST /v1/crm/accounts/{id}/sync},
 * tries again.
 */
public record CrmSyncDeadLettered(UUID accountId, String connector, boolean permanent, Integer httpStatus, String reason, int attempts,
        CrmAccountRecord record, Instant deadAt) {

    public static final String TYPE = "CrmSyncDeadLettered";
    public static final int SCHEMA_VERSION = 1;
}
