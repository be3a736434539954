package io.licenseflow.portal.services;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/** optout-service (docs/optout.md), called with the signed-in user's access token. */
@RegisterRestClient(configKey = "optout")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
public interface OptOutApi {

    /** The browser's Global Privacy Control signal, passed on as the user's own request would carry it. */
    String GPC = "Sec-GPC";

    @GET
    @Path("/v1/optouts")
    Map<String, Object> state(@QueryParam("account") String account, @QueryParam("kind") String kind, @QueryParam("subject") String subject,
            @HeaderParam(GPC) String gpc);

    @POST
    @Path("/v1/optouts")
    Map<String, Object> change(Map<String, Object> changes, @HeaderParam(GPC) String gpc, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("/v1/optouts/history")
    Map<String, Object> history(@QueryParam("account") String account, @QueryParam("kind") String kind, @QueryParam("subject") String subject,
            @QueryParam("after") String after, @QueryParam("limit") Integer limit);

    @GET
    @Path("/v1/optouts/export")
    List<Map<String, Object>> export(@QueryParam("account") String account, @QueryParam("limit") Integer limit);

    @GET
    @Path("/v1/accounts/{id}")
    Map<String, Object> account(@PathParam("id") String id);

    @GET
    @Path("/v1/accounts/{id}/purposes")
    List<Map<String, Object>> purposes(@PathParam("id") String accountId);

    @GET
    @Path("/v1/audit")
    Map<String, Object> audit(@QueryParam("account") String account, @QueryParam("after") String after, @QueryParam("limit") Integer limit);

    /** The log as CSV or JSON, as {@code accept} asks (the method sends no Accept of its own). */
    @GET
    @Path("/v1/audit/export")
    @Produces(MediaType.WILDCARD)
    Response auditExport(@QueryParam("account") String account, @HeaderParam("Accept") String accept);

    @GET
    @Path("/v1/audit/verify")
    Map<String, Object> verify();

    @GET
    @Path("/v1/webhooks")
    List<Map<String, Object>> webhooks(@QueryParam("account") String account);

    @GET
    @Path("/v1/webhooks/{id}/deliveries")
    Map<String, Object> deliveries(@PathParam("id") String webhookId, @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("after") String after);

    @POST
    @Path("/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    Map<String, Object> redeliver(@PathParam("id") String webhookId, @PathParam("deliveryId") String deliveryId);

    /** The live stream of confirmed changes (Server-Sent Events), narrowed by the same filters the service checks. */
    @GET
    @Path("/v1/optouts/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(@QueryParam("account") String account, @QueryParam("kind") String kind, @QueryParam("subject") String subject);
}
