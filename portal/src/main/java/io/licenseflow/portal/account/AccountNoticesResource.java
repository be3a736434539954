package io.licenseflow.portal.account;

import io.licenseflow.portal.services.NotificationApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The notices sent to an account ({@code /accounts/{id}/notices}), from notification-service's delivery log. */
@Path("/accounts/{accountId}/notices")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"customer", "admin", "operator"})
public class AccountNoticesResource {

    @Inject
    AccountPages pages;

    @Inject
    @RestClient
    NotificationApi notifications;

    @Inject
    @Location("account/notices.html")
    Template notices;

    @GET
    public Response notices(@PathParam("accountId") String accountId, @QueryParam("after") String after) {
        pages.check(accountId);
        return Response.ok(notices.data("accountId", accountId).data("notices", notifications.notices(accountId, 100, after))).build();
    }
}
