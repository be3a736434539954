package io.licenseflow.notification.crm;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.notification.account.Recipient;
import io.licenseflow.notification.license.LicenseSnapshot;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where an account's CRM synchronisation stands, and pushing it again. */
@Path("/v1/crm/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "CRM")
public class CrmResource {

    @Schema(name = "CrmSyncState")
    public record SyncState(@Schema(examples = "hubspot") String connector, @Schema(enumeration = {"pending", "synced", "dead"}) String status,
            int attempts, String lastError, Integer lastHttpStatus, Instant syncedAt,
            @Schema(description = "When its oldest change not yet in the CRM happened") Instant pendingSince,
            @Schema(description = "When a pending sync is tried next") Instant nextAttemptAt) {
    }

    private static final String STATES = """
            SELECT connector, status, attempts, last_error, last_http_status, synced_at, pending_since, next_attempt_at
            FROM crm_sync WHERE account_id = :account ORDER BY connector""";

    private final CrmConnectors connectors;
    private final CrmSyncQueue queue;

    public CrmResource(CrmConnectors connectors, CrmSyncQueue queue) {
        this.connectors = connectors;
        this.queue = queue;
    }

    @GET
    @RolesAllowed({"admin", "operator", "support"})
    @WithSession
    @Operation(summary = "The account's synchronisation to each enabled CRM connector")
    public Uni<List<SyncState>> get(@PathParam("id") UUID id) {
        return known(id).chain(() -> states(id));
    }

    @POST
    @Path("/sync")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Push the account's record to every enabled connector again now (a dead sync gets a fresh retry window)")
    public Uni<Response> sync(@PathParam("id") UUID id) {
        if (connectors.names().isEmpty()) {
            throw new ProblemException(ProblemCode.CONFLICT, "no CRM connector is enabled (licenseflow.crm.connectors)");
        }
        return Panache.withTransaction(() -> known(id).chain(() -> queue.changed(id, Instant.now())).chain(() -> states(id)))
                .map(states -> Response.accepted(states).build()).invoke(queue::committed); // after the commit
    }

    /** 404 for an account this service knows nothing of. */
    private static Uni<Void> known(UUID id) {
        return Recipient.count("id", id).chain(recipients -> recipients > 0 ? Uni.createFrom().item(1L) : LicenseSnapshot.count("accountId", id))
                .invoke(found -> {
                    if (found == 0) {
                        throw new ProblemException(ProblemCode.NOT_FOUND, "no account " + id);
                    }
                }).replaceWithVoid();
    }

    private static Uni<List<SyncState>> states(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(STATES, Object[].class).setParameter("account", id).getResultList())
                .map(rows -> rows.stream().map(r -> new SyncState((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                        r[4] == null ? null : ((Number) r[4]).intValue(), instant(r[5]), instant(r[6]), "pending".equals(r[1]) ? instant(r[7]) : null))
                        .toList());
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(java.time.ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
