package io.licenseflow.notification.account;

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
public class RecipientResource {

    /** Where the account's notices go, as recorded from AccountCreated. */
    public record RecipientView(UUID id, String name, String email, UUID sourceEventId) {
    }

    private final AccountAccess access;

    public RecipientResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "The account's notification recipient recorded from AccountCreated")
    public Uni<RecipientView> get(@PathParam("id") UUID id) {
        access.checkCanRead(id);
        return Recipient.<Recipient>findById(id)
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_FOUND, "no recipient for account " + id))
                .map(r -> new RecipientView(r.id, r.name, r.email, r.sourceEventId));
    }
}
