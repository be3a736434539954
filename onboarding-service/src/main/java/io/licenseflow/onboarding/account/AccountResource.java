package io.licenseflow.onboarding.account;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Accounts", description = "Customer accounts; creating one starts its onboarding")
public class AccountResource {

    private final AccountCreation creation;
    private final AccountAccess access;

    public AccountResource(AccountCreation creation, AccountAccess access) {
        this.creation = creation;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Create a customer account and start its onboarding (emits AccountCreated and OnboardingStarted)")
    public Uni<Response> create(@Valid @NotNull CreateAccountRequest request, UriInfo uri) {
        return creation.create(request, access.actor())
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.account().id.toString()).build())
                        .entity(AccountView.of(created.account())).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Create an account under an id of your choosing (201), or find the same one again (200); "
            + "409 account-exists when it exists with other details")
    public Uni<Response> createWithId(@PathParam("id") UUID id, @Valid @NotNull CreateAccountRequest request) {
        return creation.createWithId(id, request, access.actor())
                .map(created -> Response.status(created.created() ? 201 : 200).entity(AccountView.of(created.account())).build());
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
