package io.licenseflow.optout.broadcast;

import java.time.Instant;
import java.util.UUID;

/** A change as subscribers receive it: its place in the topic, the position after it, when it was committed, and the event's JSON. */
public record BroadcastEvent(int partition, long offset, FeedPosition positionAfter, Instant occurredAt, UUID accountId, String kind, String subjectId,
        String purpose, String json) {
}
