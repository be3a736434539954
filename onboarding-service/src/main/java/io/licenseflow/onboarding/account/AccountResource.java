package io.licenseflow.onboarding.account;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
public class AccountResource {

    private final AccountOnboarding onboarding;
    private final SecurityIdentity identity;
    private final AccountAccess access;

    public AccountResource(AccountOnboarding onboarding, SecurityIdentity identity, AccountAccess access) {
        this.onboarding = onboarding;
        this.identity = identity;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Create a customer account and start its onboarding (emits AccountCreated)")
    public Uni<Response> create(@Valid @NotNull CreateAccountRequest request, UriInfo uri) {
        return onboarding.create(request, identity.getPrincipal().getName())
                .map(account -> Response.created(uri.getAbsolutePathBuilder().path(account.id.toString()).build())
                        .entity(AccountView.of(account)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "Read an account; customers may read only their own")
    public Uni<AccountView> get(@PathParam("id") UUID id) {
        access.checkCanRead(id);
        return Account.<Account>findById(id)
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_FOUND, "no account " + id))
                .map(AccountView::of);
    }
}
