package io.licenseflow.notification.crm;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Marks an account's record as changed for every enabled connector, inside the transaction that applied the change
 * (an account, license or onboarding event): its sync becomes pending, with a fresh retry window if it was synced or
 * dead, and keeps when its oldest unsynced change happened (for the lag).
 */
@ApplicationScoped
public class CrmSyncQueue {

    private static final String MARK = """
            INSERT INTO crm_sync (account_id, connector, status, version, pending_since, next_attempt_at, retry_until, attempts)
            VALUES (:account, :connector, 'pending', 1, :changedAt, now(), now() + make_interval(secs => :window), 0)
            ON CONFLICT (account_id, connector) DO UPDATE SET
                version = crm_sync.version + 1,
                pending_since = CASE WHEN crm_sync.status = 'pending' THEN least(crm_sync.pending_since, EXCLUDED.pending_since)
                                     ELSE EXCLUDED.pending_since END,
                next_attempt_at = CASE WHEN crm_sync.status = 'pending' THEN crm_sync.next_attempt_at ELSE now() END,
                retry_until = CASE WHEN crm_sync.status = 'pending' THEN crm_sync.retry_until ELSE EXCLUDED.retry_until END,
                attempts = CASE WHEN crm_sync.status = 'pending' THEN crm_sync.attempts ELSE 0 END,
                status = 'pending'""";

    private final CrmConnectors connectors;
    private final CrmSettings settings;
    private final CrmSyncDispatcher dispatcher;

    public CrmSyncQueue(CrmConnectors connectors, CrmSettings settings, CrmSyncDispatcher dispatcher) {
        this.connectors = connectors;
        this.settings = settings;
        this.dispatcher = dispatcher;
    }

    public Uni<Void> changed(UUID accountId, Instant changedAt) {
        if (connectors.names().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        dispatcher.markQueued();
        return Multi.createFrom().iterable(connectors.names()).onItem().transformToUniAndConcatenate(connector -> Panache.getSession()
                .chain(session -> session.createNativeQuery(MARK).setParameter("account", accountId).setParameter("connector", connector)
                        .setParameter("changedAt", changedAt).setParameter("window", settings.giveUpAfter().toSeconds()).executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    /** Call after the transaction committed: pushes at once what it marked changed. */
    public void committed() {
        dispatcher.kickIfQueued();
    }
}
