package io.licenseflow.portal.vendor;

import io.licenseflow.portal.services.Ids;
import io.licenseflow.portal.services.OptOutApi;
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
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Opt-out webhook endpoints ({@code /vendor/webhooks}), each one's deliveries by status, and redelivery of one. */
@Path("/vendor/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "operator"})
public class WebhooksResource {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "dead");

    @Inject
    @RestClient
    OptOutApi optOuts;

    @Inject
    @Location("vendor/webhooks.html")
    Template webhooks;

    @Inject
    @Location("vendor/deliveries.html")
    Template deliveries;

    @GET
    public Response endpoints() {
        return Response.ok(webhooks.data("endpoints", optOuts.webhooks(null))).build();
    }

    @GET
    @Path("/{id}")
    public Response deliveries(@PathParam("id") String id, @QueryParam("status") String status, @QueryParam("after") String after,
            @QueryParam("redelivered") String redelivered) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        return Response.ok(deliveries.data("id", id).data("status", filter == null ? "" : filter)
                .data("deliveries", optOuts.deliveries(id, filter, 100, after)).data("redelivered", redelivered != null)).build();
    }

    /** After signing in again in the middle of a redelivery, the browser asks for its address: the deliveries. */
    @GET
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    public Response backToDeliveries(@PathParam("id") String id) {
        return Response.seeOther(URI.create("/vendor/webhooks/" + (Ids.isCanonicalUuid(id) ? id : ""))).build();
    }

    /** Admins only, as the API allows: operators read. */
    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("admin")
    public Response redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        optOuts.redeliver(id, deliveryId);
        return Response.seeOther(URI.create("/vendor/webhooks/" + id + "?redelivered=1")).build();
    }
}
