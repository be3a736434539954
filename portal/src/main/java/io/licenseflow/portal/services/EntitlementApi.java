package io.licenseflow.portal.services;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** entitlement-service (licenses, activations, usage, license types), called with the signed-in user's access token. */
@RegisterRestClient(configKey = "entitlement")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
public interface EntitlementApi {

    @GET
    @Path("/v1/accounts/{id}/licenses")
    Map<String, Object> licenses(@PathParam("id") String accountId, @QueryParam("limit") Integer limit, @QueryParam("after") String after);

    @GET
    @Path("/v1/licenses/{id}")
    Map<String, Object> license(@PathParam("id") String licenseId);

    @GET
    @Path("/v1/licenses/{id}/activations")
    Map<String, Object> activations(@PathParam("id") String licenseId, @QueryParam("limit") Integer limit, @QueryParam("after") String after);

    @GET
    @Path("/v1/activations/{id}")
    Map<String, Object> activation(@PathParam("id") String activationId);

    @DELETE
    @Path("/v1/activations/{id}")
    void deactivate(@PathParam("id") String activationId);

    @GET
    @Path("/v1/licenses/{id}/usage")
    Map<String, Object> usage(@PathParam("id") String licenseId);

    @GET
    @Path("/v1/license-types")
    Map<String, Object> licenseTypes(@QueryParam("limit") Integer limit, @QueryParam("after") String after);

    @GET
    @Path("/v1/license-types/{name}/versions")
    Map<String, Object> licenseTypeVersions(@PathParam("name") String name, @QueryParam("limit") Integer limit, @QueryParam("after") String after);

    /** suspend, reinstate, revoke or renew; suspend and revoke take a reason. */
    @POST
    @Path("/v1/licenses/{id}/{action}")
    Map<String, Object> change(@PathParam("id") String licenseId, @PathParam("action") String action, Map<String, Object> body);
}
