package io.licenseflow.entitlement.activation;

import io.licenseflow.entitlement.license.LicenseAccess;
import io.licenseflow.entitlement.token.IssuedToken;
import io.licenseflow.commons.security.AccountAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Machine activations. A product activates, checks in and deactivates with its license key as the credential (in the
 * body, or {@code Authorization: License <key>}); a product backend may use a bearer token instead.
 */
@Path("/v1/activations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Activations", description = "Machines holding seats of a license")
public class ActivationResource {

    private final Activations activations;
    private final LicenseAccess licenseAccess;
    private final AccountAccess accountAccess;

    public ActivationResource(Activations activations, LicenseAccess licenseAccess, AccountAccess accountAccess) {
        this.activations = activations;
        this.licenseAccess = licenseAccess;
        this.accountAccess = accountAccess;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Activate a machine: 201 with a new seat, 200 for a fingerprint already active (its heartbeat renewed), "
            + "409 seat-limit-reached when every seat is taken; either way with the machine's offline licenseToken. The key is the "
            + "credential; a bearer token is optional. The license's first activation emits LicenseActivated.")
    public Uni<Response> activate(@Valid @NotNull ActivateRequest request, UriInfo uri) {
        return licenseAccess.keyCall(request.key(), caller -> activations.activate(request, caller, licenseAccess)).map(activated -> (activated.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(activated.activation().id.toString()).build())
                : Response.ok()).entity(ActivationView.of(activated.activation(), activated.token())).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "An activation; customers see only their account's")
    public Uni<ActivationView> get(@PathParam("id") UUID id) {
        return Activation.<Activation>findById(id).map(activation -> {
            if (activation == null || !accountAccess.canRead(activation.accountId)) {
                throw new io.licenseflow.commons.problem.ProblemException(io.licenseflow.commons.problem.ProblemCode.NOT_FOUND, "no activation " + id);
            }
            return ActivationView.of(activation);
        });
    }

    @POST
    @Path("/{id}/heartbeat")
    @PermitAll
    @Operation(summary = "A floating seat's check-in: moves its deadline on by the type's heartbeat TTL")
    public Uni<ActivationView> heartbeat(@PathParam("id") UUID id,
            @Parameter(description = "License <key>, when no bearer token is sent") @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return licenseAccess.caller().chain(caller -> activations.heartbeat(id, LicenseAccess.keyFromAuthorization(authorization), caller, licenseAccess))
                .map(ActivationView::of);
    }

    @POST
    @Path("/{id}/token")
    @PermitAll
    @Operation(summary = "A fresh offline license token for this machine (compact JWS, EdDSA, valid for the type's check-in interval); "
            + "409 license-not-active when the license may not be used")
    public Uni<IssuedToken> token(@PathParam("id") UUID id,
            @Parameter(description = "License <key>, when no bearer token is sent") @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return licenseAccess.caller().chain(caller -> activations.refreshToken(id, LicenseAccess.keyFromAuthorization(authorization), caller, licenseAccess));
    }

    @DELETE
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Deactivate a machine and free its seat (emits MachineDeactivated)")
    public Uni<Response> deactivate(@PathParam("id") UUID id,
            @Parameter(description = "License <key>, when no bearer token is sent") @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return licenseAccess.caller().chain(caller -> activations.deactivate(id, LicenseAccess.keyFromAuthorization(authorization), caller, licenseAccess))
                .replaceWith(Response.noContent().build());
    }
}
