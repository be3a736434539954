package io.licenseflow.optout.audit;

import io.licenseflow.commons.logging.CorrelationId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends entries to the compliance log, inside the caller's transaction (the entry commits with the change it
 * records, or neither does). Appends take a transaction-scoped advisory lock, so entries get consecutive sequence
 * numbers in commit order and each links to the one committed before it.
 */
@ApplicationScoped
public class ComplianceLog {

    /** The advisory lock's key: any constant the service uses for nothing else. */
    private static final long CHAIN_LOCK = 0x0c0ff1ce_10_90L;

    public Uni<ComplianceEntry> append(ComplianceEntry entry) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                        .setParameter("key", CHAIN_LOCK).getSingleResult()
                        .chain(() -> session.createSelectionQuery("from ComplianceEntry order by seq desc", ComplianceEntry.class)
                                .setMaxResults(1).getSingleResultOrNull()))
                .chain(last -> {
                    entry.seq = last == null ? 1 : last.seq + 1;
                    entry.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    if (entry.requestId == null) {
                        entry.requestId = CorrelationId.current();
                    }
                    entry.prevHash = last == null ? ChainHash.GENESIS : last.hash;
                    entry.hash = ChainHash.of(entry.prevHash, entry);
                    return entry.persist();
                });
    }
}
