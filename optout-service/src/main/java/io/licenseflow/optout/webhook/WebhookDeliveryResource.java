package io.licenseflow.optout.webhook;

import io.licenseflow.commons.paging.Page;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.retry.RetrySchedule;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** What was sent to an endpoint, and sending it again. */
@Path("/v1/webhooks/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Webhooks")
public class WebhookDeliveryResource {

    private static final Set<String> STATUSES = Set.of(WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.DEAD);

    private final WebhookResource endpoints;
    private final WebhookDispatcher dispatcher;
    private final RetrySchedule retries;

    public WebhookDeliveryResource(WebhookResource endpoints, WebhookDispatcher dispatcher, RetrySchedule retries) {
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
        this.retries = retries;
    }

    @GET
    @RolesAllowed({"admin", "operator", "optouts", "customer"})
    @WithSession
    @Operation(summary = "The endpoint's deliveries, oldest first, paged; ?status=pending|delivered|dead")
    public Uni<Page<DeliveryView>> list(@PathParam("id") UUID id, @RestQuery String status, @BeanParam PageRequest page) {
        if (status != null && !STATUSES.contains(status)) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "status", "must be pending, delivered or dead");
        }
        Map<String, Object> parameters = new HashMap<>(Map.of("endpoint", id));
        String where = "endpointId = :endpoint";
        if (status != null) {
            where += " and status = :status";
            parameters.put("status", status);
        }
        String condition = where;
        return endpoints.visible(id).chain(() -> Page.of(WebhookDelivery.class, condition, parameters, page, d -> d.createdAt, d -> d.id,
                DeliveryView::of));
    }

    @POST
    @Path("/{deliveryId}/redeliver")
    @RolesAllowed({"admin", "optouts", "customer"})
    @WithTransaction
    @Operation(summary = "Send a delivery again (a dead one, or a delivered one the receiver lost): it is queued with a fresh retry "
            + "window, keeps its webhook-id, and goes out in order behind earlier pending deliveries of its subject")
    public Uni<DeliveryView> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") String deliveryId) {
        UUID delivery = DeliveryView.parse(deliveryId);
        if (delivery == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "no delivery " + deliveryId);
        }
        return endpoints.manageable(id).chain(() -> WebhookDelivery.<WebhookDelivery>findById(delivery)).map(d -> {
            if (d == null || !d.endpointId.equals(id)) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no delivery " + deliveryId);
            }
            Instant now = Instant.now();
            d.status = WebhookDelivery.PENDING;
            d.attempts = 0; // back-off starts over with the fresh window
            d.nextAttemptAt = now;
            d.retryUntil = now.plus(retries.giveUpAfter());
            return DeliveryView.of(d);
        }).invoke(queued -> dispatcher.kick());
    }
}
