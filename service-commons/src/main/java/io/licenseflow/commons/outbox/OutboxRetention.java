package io.licenseflow.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes outbox rows older than {@code licenseflow.outbox.retention}. Debezium publishes a row from the
 * write-ahead log, not from the table, so once the insert has committed the row is only a local trail of what
 * was sent; kept forever it would grow with every event. Deleting is invisible downstream: the replication slot
 * keeps the WAL until Debezium has read it, the Outbox Event Router drops delete events, and the connectors emit
 * no tombstones ({@code tombstones.on.delete=false}).
 *
 * <p>Every replica prunes; the delete is idempotent, so that only costs a few redundant statements.
 */
@ApplicationScoped
@Startup // its counter exists from the start, not from the first pruning
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final Duration retention;
    private final Counter pruned;

    public OutboxRetention(MeterRegistry metrics,
            @ConfigProperty(name = "licenseflow.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.retention = retention;
        this.pruned = Counter.builder("licenseflow.outbox.pruned").description("outbox rows deleted after their retention")
                .register(metrics);
    }

    @Scheduled(identity = "outbox-retention", every = "${licenseflow.outbox.prune-every:1h}",
            delayed = "${licenseflow.outbox.prune-delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pruneExpired() {
        Instant cutoff = Instant.now().minus(retention);
        return Panache.withTransaction(() -> OutboxEvent.delete("createdAt < ?1", cutoff))
                .invoke(deleted -> {
                    pruned.increment(deleted);
                    if (deleted > 0) {
                        LOG.infof("deleted %d outbox rows created before %s", deleted, cutoff);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("outbox pruning failed, will retry at the next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
