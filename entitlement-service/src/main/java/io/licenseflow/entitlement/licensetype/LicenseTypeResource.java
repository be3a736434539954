package io.licenseflow.entitlement.licensetype;

import io.licenseflow.commons.paging.Page;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.events.licensetype.LicenseTypeDefinition;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/license-types")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "License types", description = "What a vendor sells: terms, entitlements, usage quotas and seats, versioned")
public class LicenseTypeResource {

    static final String EXAMPLE = """
            {"name": "team-annual", "displayName": "Team (annual)",
             "duration": {"kind": "FIXED_TERM", "period": "P1Y"}, "gracePeriod": "P14D", "expirationBehaviour": "MAINTAIN_ACCESS",
             "entitlements": ["core", "export-pdf", "sso"],
             "usageRules": [{"meter": "api-calls", "quota": 100000, "period": "MONTH", "overage": "ALLOW_AND_FLAG", "overageFactor": 1.5}],
             "seats": {"model": "FLOATING", "limit": 10, "maxLimit": 500, "heartbeatTtl": "PT10M"}, "checkInInterval": "P7D"}""";

    private final LicenseTypeCatalog catalog;
    private final SecurityIdentity identity;

    public LicenseTypeResource(LicenseTypeCatalog catalog, SecurityIdentity identity) {
        this.catalog = catalog;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a license type (version 1; emits LicenseTypePublished)")
    public Uni<Response> create(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "team-annual", value = EXAMPLE))) LicenseTypeDefinition definition, UriInfo uri) {
        return catalog.create(definition, identity.getPrincipal().getName())
                .map(published -> Response.created(uri.getAbsolutePathBuilder().path(published.version().name).build())
                        .entity(LicenseTypeView.of(published.version())).build());
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Publish a license type: creates it (201), or makes a new version when the definition changed (200); "
            + "an identical definition changes nothing")
    public Uni<Response> publish(@PathParam("name") String name, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "team-annual", value = EXAMPLE))) LicenseTypeDefinition definition) {
        return catalog.publish(name, definition, identity.getPrincipal().getName())
                .map(published -> Response.status(published.created() ? 201 : 200).entity(LicenseTypeView.of(published.version())).build());
    }

    @GET
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "The license types, each in its current version")
    public Uni<Page<LicenseTypeView>> list(@BeanParam PageRequest page) {
        return Page.of(LicenseType.class, "1 = 1", Map.of(), page, t -> t.createdAt, t -> t.id, Function.<LicenseType>identity())
                .chain(types -> currentVersions(types.items()).map(versions -> new Page<>(
                        types.items().stream().map(t -> LicenseTypeView.of(versions.get(t.id))).toList(), types.next())));
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({"admin", "operator", "customer"})
    @Operation(summary = "A license type in its current version")
    public Uni<LicenseTypeView> current(@PathParam("name") String name) {
        return catalog.current(name).map(LicenseTypeView::of);
    }

    @GET
    @Path("/{name}/versions")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "Every published version of a license type, oldest first")
    public Uni<Page<LicenseTypeView>> versions(@PathParam("name") String name, @BeanParam PageRequest page) {
        return catalog.current(name).chain(current -> Page.of(LicenseTypeVersion.class, "licenseTypeId = :type",
                Map.of("type", current.licenseTypeId), page, v -> v.createdAt, v -> v.id, LicenseTypeView::of));
    }

    @GET
    @Path("/{name}/versions/{version}")
    @RolesAllowed({"admin", "operator", "customer"})
    @Operation(summary = "One version of a license type")
    public Uni<LicenseTypeView> version(@PathParam("name") String name, @PathParam("version") int version) {
        return catalog.version(name, version).map(LicenseTypeView::of);
    }

    private static Uni<Map<UUID, LicenseTypeVersion>> currentVersions(List<LicenseType> types) {
        if (types.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<UUID, Integer> current = types.stream().collect(Collectors.toMap(t -> t.id, t -> t.currentVersion));
        return LicenseTypeVersion.<LicenseTypeVersion>list("licenseTypeId in ?1", current.keySet())
                .map(all -> all.stream().filter(v -> v.version == current.get(v.licenseTypeId))
                        .collect(Collectors.toMap(v -> v.licenseTypeId, Function.identity())));
    }
}
