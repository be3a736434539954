package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code MachineActivated} v1: a machine took a seat of the license ({@code seatsUsed} of {@code seatLimit}). */
public record MachineActivated(UUID activationId, UUID licenseId, UUID accountId, String fingerprint, String name, String platform,
        int seatsUsed, int seatLimit, Instant activatedAt) {

    public static final String TYPE = "MachineActivated";
    public static final int SCHEMA_VERSION = 1;
}
