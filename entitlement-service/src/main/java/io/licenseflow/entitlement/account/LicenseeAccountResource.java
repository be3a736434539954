package io.licenseflow.entitlement.account;

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
public class LicenseeAccountResource {

    /** What entitlement-service knows of an account, and from which event. */
    public record LicenseeAccountView(UUID id, String name, java.time.Instant onboardedAt, UUID sourceEventId) {
    }

    private final AccountAccess access;

    public LicenseeAccountResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "The licensee account recorded from AccountCreated")
    public Uni<LicenseeAccountView> get(@PathParam("id") UUID id) {
        access.checkCanRead(id);
        return LicenseeAccount.<LicenseeAccount>findById(id)
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_FOUND, "no licensee account " + id))
                .map(a -> new LicenseeAccountView(a.id, a.name, a.onboardedAt, a.sourceEventId));
    }
}
