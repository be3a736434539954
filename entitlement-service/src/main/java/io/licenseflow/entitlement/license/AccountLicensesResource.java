package io.licenseflow.entitlement.license;

import io.licenseflow.commons.paging.Page;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.commons.security.AccountAccess;
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

@Path("/v1/accounts/{accountId}/licenses")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Licenses")
public class AccountLicensesResource {

    private final AccountAccess access;

    public AccountLicensesResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "An account's licenses, oldest first; a customer lists only their own account's")
    public Uni<Page<LicenseView>> list(@PathParam("accountId") UUID accountId, @BeanParam PageRequest page) {
        access.checkCanRead(accountId);
        return Page.of(License.class, "accountId = :account", Map.of("account", accountId), page, l -> l.createdAt, l -> l.id, LicenseView::of);
    }
}
