package io.licenseflow.entitlement.usage;

import io.licenseflow.commons.http.IdempotencyKey;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.entitlement.license.LicenseAccess;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Usage", description = "Metered usage against each meter's quota")
public class UsageResource {

    private final UsageMetering metering;
    private final LicenseAccess access;

    public UsageResource(UsageMetering metering, LicenseAccess access) {
        this.metering = metering;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Record usage of a meter (201; 409 quota-exceeded when the type denies overage). The same Idempotency-Key "
            + "answers a retry as the first request was answered (200, Idempotency-Replayed: true). The key is the credential; a bearer "
            + "token is optional. The license's first accepted usage emits UsageVerified.")
    public Uni<Response> record(@Valid @NotNull UsageRequest request,
            @Parameter(description = "1 to 255 visible ASCII characters, unique per usage report of the license", required = true,
                    example = "4f1c1b9e-2f0a-4d52-9b1e-7f7a9c2d1e55") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        IdempotencyKey.required(idempotencyKey, "send an Idempotency-Key header, unique per usage report");
        return access.keyCall(request.key(), caller -> metering.record(request, idempotencyKey, caller, access)).map(recorded -> {
            if (recorded.refused() != null) {
                var v = recorded.refused();
                throw new ProblemException(ProblemCode.OPTED_OUT_PURPOSE, "the " + v.subject().kind() + " " + v.subject().id()
                        + " opted out of " + v.purpose() + " (opt-out version " + v.optOutVersion() + "): the report was not counted");
            }
            return (recorded.replayed() ? Response.ok().header(IdempotencyKey.REPLAYED, "true") : Response.status(201))
                    .entity(UsageView.of(recorded.record())).build();
        });
    }
}
