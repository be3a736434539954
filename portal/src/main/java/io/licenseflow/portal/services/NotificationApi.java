package io.licenseflow.portal.services;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service (the notices sent, support look-ups), called with the signed-in user's access token. */
@RegisterRestClient(configKey = "notification")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationApi {

    @GET
    @Path("/v1/notices")
    Map<String, Object> notices(@QueryParam("account") String account, @QueryParam("limit") Integer limit, @QueryParam("after") String after);

    /** By account id, contact email or the key's first group (its public prefix). */
    @GET
    @Path("/v1/support/status")
    List<Map<String, Object>> status(@QueryParam("account") String account, @QueryParam("email") String email, @QueryParam("keyPrefix") String keyPrefix);
}
