package io.licenseflow.optout.account;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
public class OptOutAccountResource {

    /** The account's opt-out scope as recorded from AccountCreated. */
    public record OptOutAccountView(UUID id, String name, boolean honoursGpc, String jurisdiction, UUID sourceEventId) {
    }

    private final AccountAccess access;

    public OptOutAccountResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "The account's opt-out scope recorded from AccountCreated")
    public Uni<OptOutAccountView> get(@PathParam("id") UUID id) {
        access.checkCanRead(id);
        return OptOutAccount.<OptOutAccount>findById(id)
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_FOUND, "no opt-out account " + id))
                .map(a -> new OptOutAccountView(a.id, a.name, a.honoursGpc, a.jurisdiction, a.sourceEventId));
    }
}
