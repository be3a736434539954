package io.licenseflow.entitlement.activation;

import io.licenseflow.commons.paging.Page;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.licenseflow.entitlement.license.License;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/licenses/{licenseId}/activations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Activations")
public class LicenseActivationsResource {

    private final AccountAccess access;

    public LicenseActivationsResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "A license's activations (active and past), oldest first; customers list only their account's")
    public Uni<Page<ActivationView>> list(@PathParam("licenseId") UUID licenseId, @BeanParam PageRequest page) {
        return License.<License>findById(licenseId).chain(license -> {
            if (license == null || !access.canRead(license.accountId)) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no license " + licenseId);
            }
            return Page.of(Activation.class, "licenseId = :license", Map.of("license", licenseId), page, a -> a.createdAt, a -> a.id,
                    ActivationView::of);
        });
    }
}
