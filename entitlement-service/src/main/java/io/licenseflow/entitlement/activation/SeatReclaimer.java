package io.licenseflow.entitlement.activation;

import io.licenseflow.commons.logging.CorrelationId;
import io.licenseflow.commons.logging.FlowContext;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Gives back the floating seats whose machines stopped sending heartbeats (MachineDeactivated, reason HEARTBEAT_DEAD). */
@ApplicationScoped
public class SeatReclaimer {

    private static final Logger LOG = Logger.getLogger(SeatReclaimer.class);
    private static final int BATCH = 200;

    private final Activations activations;

    public SeatReclaimer(Activations activations) {
        this.activations = activations;
    }

    @Scheduled(identity = "seat-reclaimer", every = "${licenseflow.activation.reclaim-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reclaim() {
        FlowContext.clear();
        CorrelationId.startScheduledRun("seat-reclaim");
        return activations.reclaimDead(BATCH)
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("reclaimed %d floating seats whose heartbeats stopped", count);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("seat reclaim failed, will retry at the next run: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
