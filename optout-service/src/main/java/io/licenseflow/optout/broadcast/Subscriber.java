package io.licenseflow.optout.broadcast;

/** Receives the changes that match its filter, in topic order per partition, each once. */
public interface Subscriber {

    SubscriptionFilter filter();

    /** The stream is live from {@code position} on (the first thing a subscriber hears). */
    void ready(FeedPosition position);

    /** A matching change; {@code id} is where a subscriber that heard it stands (its SSE event id). */
    void deliver(BroadcastEvent event, FeedPosition id);
}
