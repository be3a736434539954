package io.licenseflow.entitlement.license;

import io.licenseflow.commons.security.AccountAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/licenses")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Licenses", description = "Issued licenses: read them, and what operators do to them")
public class LicenseResource {

    /**
     * Why an operator suspends or revokes a license: an optional JSON body (kept with the license and in its event), so
     * these endpoints take no Content-Type requirement when there is no body.
     */
    public record Reason(@Schema(examples = "payment overdue") @Size(max = 500) String reason) {
    }

    private final LicenseLifecycle lifecycle;
    private final AccountAccess access;

    public LicenseResource(LicenseLifecycle lifecycle, AccountAccess access) {
        this.lifecycle = lifecycle;
        this.access = access;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "A license; a customer sees only their account's (others are 404)")
    public Uni<LicenseView> get(@PathParam("id") UUID id) {
        return License.<License>findById(id)
                .map(license -> {
                    if (license == null || !access.canRead(license.accountId)) {
                        throw LicenseLifecycle.notFound(id);
                    }
                    return LicenseView.of(license);
                });
    }

    @POST
    @Path("/{id}/reveal-key")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "The license key in clear, the first time only (then 409 key-already-revealed)")
    public Uni<Response> revealKey(@PathParam("id") UUID id) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return lifecycle.revealKey(id, access.actor()).map(revealed -> Response.ok(revealed).cacheControl(noStore).build());
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Suspend an active license (emits LicenseSuspended)")
    public Uni<LicenseView> suspend(@PathParam("id") UUID id, @Valid Reason reason) {
        return lifecycle.suspend(id, reason == null ? null : reason.reason(), access.actor()).map(LicenseView::of);
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Reinstate a suspended license (emits LicenseReinstated; EXPIRED if its term ended meanwhile)")
    public Uni<LicenseView> reinstate(@PathParam("id") UUID id) {
        return lifecycle.reinstate(id, access.actor()).map(LicenseView::of);
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Revoke a license for good (emits LicenseRevoked)")
    public Uni<LicenseView> revoke(@PathParam("id") UUID id, @Valid Reason reason) {
        return lifecycle.revoke(id, reason == null ? null : reason.reason(), access.actor()).map(LicenseView::of);
    }

    @POST
    @Path("/{id}/renew")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Extend a license by one term (emits LicenseRenewed)")
    public Uni<LicenseView> renew(@PathParam("id") UUID id) {
        return lifecycle.renew(id, access.actor()).map(LicenseView::of);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Let a subscription expire at the end of its current period instead of renewing (emits LicenseCancelled)")
    public Uni<LicenseView> cancel(@PathParam("id") UUID id) {
        return lifecycle.cancel(id, access.actor()).map(LicenseView::of);
    }

    @POST
    @Path("/{id}/rekey")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Replace the license key (emits LicenseRekeyed; the new key goes to notification-service encrypted)")
    public Uni<LicenseView> rekey(@PathParam("id") UUID id) {
        return lifecycle.rekey(id, access.actor()).map(LicenseView::of);
    }
}
