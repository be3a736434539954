package io.licenseflow.entitlement.signing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys (OKP/Ed25519) that verify license tokens and validation answers: anyone may fetch them. */
@Path("/.well-known/jwks.json")
@Tag(name = "Signing keys")
public class JwksResource {

    private final SigningKeys keys;
    private final SigningSettings settings;

    public JwksResource(SigningKeys keys, SigningSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JWKS (RFC 7517) of every key that is not retired, including one rotated in that will sign soon")
    public Response jwks() {
        // Cached for less than the publish-ahead time, so that a cache never hides a key from a verifier when it starts signing.
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) Math.max(0, settings.publishAhead().toSeconds() / 2));
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }
}
