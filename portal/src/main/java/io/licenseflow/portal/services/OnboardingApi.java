package io.licenseflow.portal.services;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Multi;
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
import org.jboss.resteasy.reactive.client.SseEvent;

/** onboarding-service (accounts and their onboarding), called with the signed-in user's access token. */
@RegisterRestClient(configKey = "onboarding")
@RegisterProvider(ServiceRefusals.class)
@AccessToken
@Produces(MediaType.APPLICATION_JSON)
public interface OnboardingApi {

    @GET
    @Path("/v1/accounts/{id}")
    Map<String, Object> account(@PathParam("id") String accountId);

    @GET
    @Path("/v1/accounts/{id}/onboarding")
    Map<String, Object> onboarding(@PathParam("id") String accountId);

    /** Onboardings by status, and per step how many reached it and wait for it (admins and operators). */
    @GET
    @Path("/v1/onboardings/funnel")
    Map<String, Object> funnel();

    @GET
    @Path("/v1/onboardings")
    Map<String, Object> onboardings(@QueryParam("status") String status, @QueryParam("step") String step, @QueryParam("accountId") String accountId,
            @QueryParam("limit") Integer limit, @QueryParam("after") String after);

    /** Each change of the account's onboarding as it is published (Server-Sent Events). */
    @GET
    @Path("/v1/accounts/{id}/onboarding/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(@PathParam("id") String accountId);

    @POST
    @Path("/v1/onboardings/{id}/retry")
    Map<String, Object> retry(@PathParam("id") String onboardingId, Map<String, Object> changes);
}
