package io.licenseflow.commons.work;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a dispatcher's batches of due work (notices, CRM syncs) one pass at a time per replica: {@link #kick()} starts a
 * pass unless one runs, and a kick during a pass makes it go round once more, so nothing queued meanwhile waits for the
 * next poll. A pass takes batches until one comes back empty. Each batch runs on a fresh, safe duplicated Vert.x
 * context, as Hibernate Reactive needs.
 *
 * <p>A consumer that queues work inside its transaction calls {@link #markQueued()} there and {@link #kickIfQueued()}
 * after the commit: only the events that queued something start a pass, not every event the consumer reads.
 */
public final class DueWorkLoop {

    private static final Logger LOG = Logger.getLogger(DueWorkLoop.class);

    private final Vertx vertx;
    private final String name;
    private final Supplier<Uni<Integer>> batch;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final String marker;

    /** {@code batch} handles up to a batch of due work and says how much it found. */
    public DueWorkLoop(Vertx vertx, String name, Supplier<Uni<Integer>> batch) {
        this.vertx = vertx;
        this.name = name;
        this.batch = batch;
        this.marker = "licenseflow.due-work-queued." + name;
    }

    /** Work was queued in the transaction running on this (duplicated) Vert.x context. */
    public void markQueued() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(marker, Boolean.TRUE);
        }
    }

    /** After the commit: a pass if this context queued work (else the next poll finds it). */
    public void kickIfQueued() {
        if (VertxContext.isOnDuplicatedContext() && ContextLocals.remove(marker)) {
            kick();
        }
    }

    public void kick() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            onFreshContext(this::pass);
        }
    }

    private void pass() {
        again.set(false);
        batch.get().subscribe().with(found -> {
            if (found > 0 || again.get()) {
                onFreshContext(this::pass);
            } else {
                finish();
            }
        }, failure -> {
            LOG.warnf("%s failed, retrying at the next poll: %s", name, failure.toString());
            finish();
        });
    }

    private void finish() {
        running.set(false);
        if (again.get() && running.compareAndSet(false, true)) {
            onFreshContext(this::pass);
        }
    }

    private void onFreshContext(Runnable task) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> task.run());
    }
}
