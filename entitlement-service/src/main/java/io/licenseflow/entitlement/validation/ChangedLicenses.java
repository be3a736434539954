package io.licenseflow.entitlement.validation;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The licenses the current request changed (its events name them), kept on the request's Vert.x context, so that
 * {@link ReadYourWrites} refreshes them in this replica's view before the answer leaves: a product that activates and
 * then validates through the same replica sees its activation. Other replicas learn of it from the events.
 */
public final class ChangedLicenses {

    private static final String KEY = "licenseflow.changed-licenses";

    private ChangedLicenses() {
    }

    public static void record(UUID licenseId) {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return;
        }
        Set<UUID> changed = context.getLocal(KEY);
        if (changed == null) {
            changed = new HashSet<>();
            context.putLocal(KEY, changed);
        }
        changed.add(licenseId);
    }

    /** The licenses recorded for the current request, forgotten as they are returned. */
    static Set<UUID> take() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Set.of();
        }
        Set<UUID> changed = context.getLocal(KEY);
        context.removeLocal(KEY);
        return changed == null ? Set.of() : changed;
    }
}
