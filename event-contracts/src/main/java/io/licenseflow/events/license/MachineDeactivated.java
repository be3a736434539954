package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code MachineDeactivated} v1: a machine gave up its seat: {@code reason} DEACTIVATED (by request) or
 * HEARTBEAT_DEAD (a floating seat whose heartbeats stopped for longer than the type's TTL, reclaimed).
 */
public record MachineDeactivated(UUID activationId, UUID licenseId, UUID accountId, String reason, int seatsUsed,
        Instant deactivatedAt) {

    public static final String TYPE = "MachineDeactivated";
    public static final int SCHEMA_VERSION = 1;

    public static final String DEACTIVATED = "DEACTIVATED";
    public static final String HEARTBEAT_DEAD = "HEARTBEAT_DEAD";
}
