package io.licenseflow.optout.gpc;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The GPC support resource of the Global Privacy Control specification: this service honours the signal. */
@Path("/.well-known/gpc.json")
@Tag(name = "Opt-outs")
public class GpcResource {

    /** When the service's handling of GPC last changed (the spec's lastUpdate, an RFC 3339 full-date). */
    public static final String LAST_UPDATE = "2026-11-23";

    public record GpcSupport(boolean gpc, String lastUpdate) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declares that Sec-GPC: 1 from an end user is honoured as an opt-out of sale and sharing")
    public Response support() {
        return Response.ok(new GpcSupport(true, LAST_UPDATE)).header("Cache-Control", "public, max-age=86400").build();
    }
}
