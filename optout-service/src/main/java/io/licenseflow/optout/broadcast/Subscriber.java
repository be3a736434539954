package io.licenseflow.optout.broadcast;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;

/**
 * One connection that receives the changes matching its filter, in topic order per partition, each once. It is made on
 * its connection's event loop, and everything it is handed runs there: the feed hands a change to all subscribers of
 * one event loop in one task, rather than one task per subscriber.
 */
public abstract class Subscriber {

    private final SubscriptionFilter filter;
    private final Context context;
    private final Thread eventLoop;

    protected Subscriber(SubscriptionFilter filter) {
        this.filter = filter;
        this.context = Vertx.currentContext();
        this.eventLoop = Thread.currentThread();
    }

    public SubscriptionFilter filter() {
        return filter;
    }

    /** The stream is live from {@code position} on. */
    protected abstract void ready(FeedPosition position);

    /** A matching change; {@code id} is where a subscriber that heard it stands (its event id). */
    protected abstract void deliver(BroadcastEvent event, FeedPosition id);

    /** Ends the connection (the client resumes from its last id). */
    protected abstract void close();

    /** Whether the connection has ended. */
    protected abstract boolean closed();

    /** Keeps an idle connection open through proxies (a comment line, a ping frame). */
    protected abstract void heartbeat();

    /** Closes the connection at {@code when}. */
    void closeAt(Instant when) {
        long millis = Math.max(1, Duration.between(Instant.now(), when).toMillis());
        if (context != null) {
            context.owner().setTimer(millis, t -> close());
        }
    }

    /** Subscribers with the same group share an event loop. */
    Object group() {
        return eventLoop;
    }

    /** Runs {@code work} on this subscriber's event loop, after whatever was handed to it before. */
    void run(Runnable work) {
        if (context == null) {
            work.run();
        } else {
            context.runOnContext(ignored -> work.run());
        }
    }
}
