package io.licenseflow.portal.vendor;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Suspend, reinstate, revoke or renew a license, each after a confirmation page that says what will happen
 * ({@code /vendor/licenses/{id}/{action}}: GET asks, POST does it).
 */
@Path("/vendor/licenses/{id}/{action}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "operator"})
public class LicenseActionsResource {

    /** What each action does, in the words the confirmation page uses. */
    static final Map<String, String> CONSEQUENCES = Map.of(
            "suspend", "Validation will answer that the license is suspended, and its machines stop working until it is reinstated.",
            "reinstate", "The license works again as before its suspension.",
            "revoke", "The license ends for good: it cannot be reinstated, and every machine using it stops working.",
            "renew", "The license's period is extended by one term of its type, from its current expiry.");

    @Inject
    @RestClient
    EntitlementApi entitlement;

    @Inject
    @Location("vendor/confirm.html")
    Template confirm;

    @GET
    public Response ask(@PathParam("id") String licenseId, @PathParam("action") String action) {
        if (!CONSEQUENCES.containsKey(action) || !Ids.isCanonicalUuid(licenseId)) {
            throw noSuchAction();
        }
        return Response.ok(confirm.data("license", entitlement.license(licenseId)).data("action", action)
                .data("consequence", CONSEQUENCES.get(action)).data("needsReason", action.equals("suspend") || action.equals("revoke"))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String licenseId, @PathParam("action") String action, @RestForm String reason) {
        if (!CONSEQUENCES.containsKey(action) || !Ids.isCanonicalUuid(licenseId)) {
            throw noSuchAction();
        }
        Map<String, Object> body = new HashMap<>();
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        Map<String, Object> license = entitlement.change(licenseId, action, body);
        return Response.seeOther(URI.create("/accounts/" + license.get("accountId") + "/licenses/" + licenseId + "?done=" + action)).build();
    }

    private static PageRefusal noSuchAction() {
        return PageRefusal.notFound("There is no such license action.");
    }
}
