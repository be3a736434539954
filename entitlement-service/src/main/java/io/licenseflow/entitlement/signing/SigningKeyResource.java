package io.licenseflow.entitlement.signing;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The keys that sign license tokens and validation answers: list, rotate, retire. Public halves at /.well-known/jwks.json. */
@Path("/v1/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Signing keys", description = "Ed25519 keys of license tokens and signed validation answers")
public class SigningKeyResource {

    private final SigningKeys keys;
    private final SecurityIdentity identity;

    public SigningKeyResource(SigningKeys keys, SecurityIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"admin", "operator"})
    @WithSession
    @Operation(summary = "Every signing key, retired ones included, newest first")
    public Uni<List<SigningKeyView>> list() {
        return SigningKey.<SigningKey>list("order by createdAt desc, kid").map(all -> all.stream().map(key -> SigningKeyView.of(key, keys)).toList());
    }

    @GET
    @Path("/{kid}")
    @RolesAllowed({"admin", "operator"})
    @WithSession
    @Operation(summary = "One signing key")
    public Uni<SigningKeyView> get(@PathParam("kid") String kid) {
        return SigningKey.<SigningKey>findById(kid).map(key -> {
            if (key == null) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no signing key " + kid);
            }
            return SigningKeyView.of(key, keys);
        });
    }

    @POST
    @Path("/rotate")
    @RolesAllowed("admin")
    @Operation(summary = "Rotate: a new key is published at once and signs after licenseflow.signing.publish-ahead; older keys verify "
            + "until retired. 409 rotation-pending while a rotated-in key does not sign yet (a retried or doubled rotation adds no "
            + "second key)")
    public Uni<Response> rotate(UriInfo uri) {
        return keys.rotate(identity.getPrincipal().getName()).map(key -> Response
                .created(uri.getBaseUriBuilder().path("v1/signing-keys").path(key.kid).build())
                .entity(SigningKeyView.of(key, keys)).build());
    }

    @POST
    @Path("/{kid}/retire")
    @RolesAllowed("admin")
    @Operation(summary = "Retire a key: it leaves the JWKS and what it signed stops verifying; 409 signing-key-in-use for the key that signs now")
    public Uni<SigningKeyView> retire(@PathParam("kid") String kid) {
        return keys.retire(kid, identity.getPrincipal().getName()).map(key -> SigningKeyView.of(key, keys));
    }
}
