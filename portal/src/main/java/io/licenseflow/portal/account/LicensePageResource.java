package io.licenseflow.portal.account;

import io.licenseflow.portal.errors.PageRefusal;
import io.licenseflow.portal.services.EntitlementApi;
import io.licenseflow.portal.services.Ids;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A license of an account ({@code /accounts/{id}/licenses/{licenseId}}): its usage per meter against its quota, its
 * machines with their last heartbeat, and deactivating one.
 */
@Path("/accounts/{accountId}/licenses/{licenseId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"customer", "admin", "operator"})
public class LicensePageResource {

    @Inject
    AccountPages pages;

    @Inject
    @RestClient
    EntitlementApi entitlement;

    @Inject
    @Location("account/license.html")
    Template license;

    @GET
    public Response license(@PathParam("accountId") String accountId, @PathParam("licenseId") String licenseId, @QueryParam("after") String after,
            @QueryParam("deactivated") String deactivated, @QueryParam("done") String done) {
        pages.check(accountId);
        Map<String, Object> found = licenseOf(accountId, licenseId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> meters = (List<Map<String, Object>>) entitlement.usage(licenseId).get("meters");
        return Response.ok(license.data("accountId", accountId).data("license", found)
                .data("machines", entitlement.activations(licenseId, 100, after)).data("meters", meters.stream().map(MeterUse::of).toList())
                .data("deactivated", deactivated).data("done", LicenseChanges.confirmation(done))).build();
    }

    /** After signing in again in the middle of a deactivation, the browser asks for its address: the license page. */
    @GET
    @Path("/machines/{activationId}/deactivate")
    public Response backToLicense(@PathParam("accountId") String accountId, @PathParam("licenseId") String licenseId) {
        pages.check(accountId);
        return Response.seeOther(URI.create("/accounts/" + accountId + (Ids.isCanonicalUuid(licenseId) ? "/licenses/" + licenseId : ""))).build();
    }

    @POST
    @Path("/machines/{activationId}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("accountId") String accountId, @PathParam("licenseId") String licenseId,
            @PathParam("activationId") String activationId) {
        pages.check(accountId);
        licenseOf(accountId, licenseId);
        if (!Ids.isCanonicalUuid(activationId) || !licenseId.equals(entitlement.activation(activationId).get("licenseId"))) {
            throw PageRefusal.notFound("This license has no such machine.");
        }
        entitlement.deactivate(activationId);
        return Response.seeOther(URI.create("/accounts/" + accountId + "/licenses/" + licenseId + "?deactivated=" + activationId)).build();
    }

    /** The license, if it belongs to this account: an id from another account in the address is not found here. */
    private Map<String, Object> licenseOf(String accountId, String licenseId) {
        if (!Ids.isCanonicalUuid(licenseId)) {
            throw PageRefusal.notFound("There is no such license.");
        }
        Map<String, Object> found = entitlement.license(licenseId);
        if (!accountId.equals(found.get("accountId"))) {
            throw PageRefusal.notFound("This account has no such license.");
        }
        return found;
    }
}
