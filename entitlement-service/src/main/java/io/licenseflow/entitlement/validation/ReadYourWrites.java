package io.licenseflow.entitlement.validation;

import io.smallrye.mutiny.Uni;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** After a request's transaction committed, and before its answer leaves, the licenses it changed are read again into the view. */
public class ReadYourWrites {

    private final ViewRefresher refresher;

    public ReadYourWrites(ViewRefresher refresher) {
        this.refresher = refresher;
    }

    @ServerResponseFilter
    public Uni<Void> refreshChangedLicenses() {
        Set<UUID> changed = ChangedLicenses.take();
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(changed.stream().map(refresher::refresh).toList()).andCollectFailures().replaceWithVoid()
                .onFailure().recoverWithNull();
    }
}
