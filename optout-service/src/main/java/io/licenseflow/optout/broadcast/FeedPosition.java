package io.licenseflow.optout.broadcast;

import io.licenseflow.commons.problem.ProblemException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A place in the change topic: per partition, the offset of the next record to read. It is the SSE event {@code id}
 * (and the WebSocket message's {@code id}) of the change after which it stands, {@code 0:15,1:7,2:22}: a subscriber that
 * resumes from it gets every later change of every partition, none twice, whichever replica it reaches.
 */
public record FeedPosition(Map<Integer, Long> next) {

    public FeedPosition {
        next = Map.copyOf(next);
    }

    public long next(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    public FeedPosition after(int partition, long offset) {
        Map<Integer, Long> moved = new TreeMap<>(next);
        moved.put(partition, offset + 1);
        return new FeedPosition(moved);
    }

    /**
     * This position on the partitions of {@code current} only: an id from a client names no partition the topic lacks
     * (which would make its every frame its own). Offsets stay: another replica may have read further than this one.
     */
    public FeedPosition within(FeedPosition current) {
        Map<Integer, Long> kept = new TreeMap<>();
        current.next.keySet().forEach(partition -> kept.put(partition, next(partition)));
        return new FeedPosition(kept);
    }

    /** Per partition the further of the two (this or {@code other} itself when it is that; no copy then). */
    public FeedPosition union(FeedPosition other) {
        if (other.covers(this)) {
            return other;
        }
        if (covers(other)) {
            return this;
        }
        Map<Integer, Long> merged = new TreeMap<>(next);
        other.next.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
        return new FeedPosition(merged);
    }

    /** Whether this stands at or beyond {@code other} on every partition. */
    public boolean covers(FeedPosition other) {
        for (var entry : other.next.entrySet()) {
            if (next(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the record at {@code offset} of {@code partition} lies beyond this position (not yet delivered). */
    public boolean precedes(int partition, long offset) {
        return offset >= next(partition);
    }

    public String encode() {
        return new TreeMap<>(next).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The position an event id names; {@code refused} is thrown when it names none. */
    public static FeedPosition decode(String text, ProblemException refused) {
        Map<Integer, Long> next = new TreeMap<>();
        try {
            for (String part : text.split(",")) {
                String[] pair = part.split(":");
                if (pair.length != 2) {
                    throw new NumberFormatException(part);
                }
                int partition = Integer.parseInt(pair[0].strip());
                long offset = Long.parseLong(pair[1].strip());
                if (partition < 0 || offset < 0 || next.put(partition, offset) != null) {
                    throw new NumberFormatException(part);
                }
            }
        } catch (NumberFormatException malformed) {
            throw refused;
        }
        return new FeedPosition(next);
    }
}
