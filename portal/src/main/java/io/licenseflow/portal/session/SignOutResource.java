package io.licenseflow.portal.session;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing out ({@code POST /logout}, a CSRF-protected form): ends the portal's session (its cookie), then ends the
 * Keycloak session with RP-initiated logout sent as a form POST rather than a redirect, so that the ID token it must
 * name ({@code id_token_hint}) never appears in an address. portal.js submits that form at once; without JavaScript
 * the person presses its button. Keycloak sends them back to {@code /signed-out}.
 */
@Path("/logout")
public class SignOutResource {

    @Inject
    OidcSession session;

    @Inject
    OidcConfigurationMetadata keycloak;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @Inject
    @Location("signing-out.html")
    Template signingOut;

    /** Signing out is a form (with its CSRF token); an address alone only leads to the start page. */
    @GET
    public Response notByAddress() {
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> signOut(@Context UriInfo uri) {
        String idToken = session.getIdToken().getRawToken();
        TemplateInstance page = signingOut.data("endSession", keycloak.getEndSessionUri()).data("idToken", idToken).data("clientId", clientId)
                .data("returnTo", uri.getBaseUriBuilder().path("signed-out").build().toString());
        return session.logout().replaceWith(page);
    }
}
