package io.licenseflow.entitlement.validation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Brings the view up to date with the database, one license at a time. Refreshes of one license never overlap: one
 * asked for while another runs makes that one run again when it ends, so the last read always starts after the last
 * change it was asked for, and an older read never overwrites a newer one. Refreshes asked for before the rebuild
 * ends are run after it, so that the rebuild (which may have read earlier) cannot hide them.
 */
@ApplicationScoped
public class ViewRefresher {

    private static final Logger LOG = Logger.getLogger(ViewRefresher.class);

    /** The read of one license under way, and the one to start when it ends (for changes told of meanwhile). */
    private static final class Run {
        CompletableFuture<Void> current = new CompletableFuture<>();
        CompletableFuture<Void> next;
    }

    private final LicenseSnapshots snapshots;
    private final ValidationView view;
    private final Map<UUID, Run> inFlight = new HashMap<>();
    private final Set<UUID> beforeRebuild = new HashSet<>();
    private boolean rebuilt;

    public ViewRefresher(LicenseSnapshots snapshots, ValidationView view) {
        this.snapshots = snapshots;
        this.view = view;
    }

    /** Reads every license again and replaces the view with them; then runs the refreshes asked for meanwhile. */
    public Uni<Integer> rebuild() {
        long started = System.nanoTime();
        return snapshots.all().map(all -> {
            view.load(all);
            Set<UUID> pending;
            synchronized (this) {
                rebuilt = true;
                pending = Set.copyOf(beforeRebuild);
                beforeRebuild.clear();
            }
            pending.forEach(this::refresh);
            LOG.infof("validation view rebuilt: %d licenses in %d ms", all.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            return all.size();
        });
    }

    /** Completes once a read of the license that started after this call is in the view. */
    public Uni<Void> refresh(UUID licenseId) {
        CompletableFuture<Void> done;
        boolean start = false;
        synchronized (this) {
            if (!rebuilt) {
                beforeRebuild.add(licenseId);
                return Uni.createFrom().voidItem();
            }
            Run run = inFlight.get(licenseId);
            if (run == null) {
                run = new Run();
                inFlight.put(licenseId, run);
                start = true;
                done = run.current;
            } else {
                // The running read may have started before the change we were told of: another runs after it.
                if (run.next == null) {
                    run.next = new CompletableFuture<>();
                }
                done = run.next;
            }
        }
        if (start) {
            readAndApply(licenseId);
        }
        return Uni.createFrom().completionStage(done);
    }

    private void readAndApply(UUID licenseId) {
        snapshots.one(licenseId)
                .invoke(snapshot -> view.put(licenseId, snapshot))
                .onFailure().invoke(e -> LOG.warnf("refreshing license %s in the validation view failed: %s", licenseId, e.toString()))
                .onFailure().recoverWithNull()
                .subscribe().with(x -> finished(licenseId));
    }

    private void finished(UUID licenseId) {
        CompletableFuture<Void> completed;
        boolean again;
        synchronized (this) {
            Run run = inFlight.get(licenseId);
            completed = run.current;
            again = run.next != null;
            if (again) {
                run.current = run.next;
                run.next = null;
            } else {
                inFlight.remove(licenseId);
            }
        }
        completed.complete(null);
        if (again) {
            readAndApply(licenseId);
        }
    }
}
