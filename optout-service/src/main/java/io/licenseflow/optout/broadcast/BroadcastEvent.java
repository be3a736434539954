package io.licenseflow.optout.broadcast;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.UUID;

/**
 * A change as subscribers receive it: its place in the topic, the position after it, when it was committed, what it is
 * about, the event's JSON, and the SSE frame and WebSocket message every live subscriber gets (made once, not once per
 * subscriber; a subscriber whose id differs, after resuming, gets its own).
 */
public record BroadcastEvent(int partition, long offset, FeedPosition positionAfter, Instant occurredAt, UUID accountId, String kind,
        String subjectId, String purpose, String json, Buffer sseFrame, String socketMessage) {

    public static final String CHANGED = "optout.changed";

    static BroadcastEvent of(int partition, long offset, FeedPosition positionAfter, Instant occurredAt, UUID accountId, String kind,
            String subjectId, String purpose, String json) {
        return new BroadcastEvent(partition, offset, positionAfter, occurredAt, accountId, kind, subjectId, purpose, json,
                sseFrame(CHANGED, positionAfter, json), socketMessage(CHANGED, positionAfter, "\"event\":" + json));
    }

    Buffer sseFrameAt(FeedPosition id) {
        return id.equals(positionAfter) ? sseFrame : sseFrame(CHANGED, id, json);
    }

    String socketMessageAt(FeedPosition id) {
        return id.equals(positionAfter) ? socketMessage : socketMessage(CHANGED, id, "\"event\":" + json);
    }

    /** One Server-Sent Event: its name, id and data (a line break in the data continues it on another data line). */
    static Buffer sseFrame(String name, FeedPosition id, String data) {
        return Buffer.buffer("event: " + name + "\nid: " + id.encode() + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n");
    }

    /** One WebSocket text message: {@code {"type":…,"id":…,…}}. */
    static String socketMessage(String type, FeedPosition id, String fields) {
        return "{\"type\":\"" + type + "\",\"id\":\"" + id.encode() + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }
}
