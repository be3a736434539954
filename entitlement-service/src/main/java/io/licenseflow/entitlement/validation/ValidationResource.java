package io.licenseflow.entitlement.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.entitlement.license.LicenseAccess;
import io.licenseflow.entitlement.signing.Signer;
import io.licenseflow.entitlement.signing.SigningKeys;
import io.licenseflow.verifier.AnswerSignature;
import io.licenseflow.verifier.ValidationCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Real-time validation: 200 with a signed answer for every well-formed question (docs/validation.md), from this
 * replica's in-memory view, without a database round trip. The key is the credential; product backends may send a
 * token with the service role instead.
 */
@Path("/v1/licenses/validate")
@SecurityRequirement(name = "oidc")
@Tag(name = "Validation", description = "Is this license valid, for this machine, feature and meter?")
public class ValidationResource {

    static final String VALID_EXAMPLE = """
            {"valid": true, "code": "VALID", "detail": "the license is valid",
             "license": {"id": "0b6f1d2e-5c1a-4f7e-9d39-2a8f6c4e1b70", "accountId": "7d0b8f57-6c8e-4a44-9d3b-3f2a5e1c9a01", "status": "ACTIVE",
                         "type": {"name": "team-annual", "version": 1}, "entitlements": ["core", "reports", "sso"],
                         "expiresAt": "2027-11-23T10:00:00Z", "graceEndsAt": "2027-12-07T10:00:00Z", "expirationBehaviour": "RESTRICT_ACCESS",
                         "seats": {"model": "NODE_LOCKED", "used": 3, "limit": 25}},
             "machine": {"fingerprint": "4c:2e:8a:91:fe:01", "activationId": "5a0e7c1b-2d4f-4b8e-a6c3-9f1e2d3c4b5a"},
             "meter": null, "scope": {"fingerprint": "4c:2e:8a:91:fe:01", "entitlement": "sso", "meter": null},
             "nonce": "c0ffee-42", "checkedAt": "2026-11-23T21:04:05.123Z"}""";
    static final String MISMATCH_EXAMPLE = """
            {"valid": false, "code": "FINGERPRINT_MISMATCH", "detail": "this machine is not one of the license's 3 activated machines",
             "license": {"id": "0b6f1d2e-5c1a-4f7e-9d39-2a8f6c4e1b70", "accountId": "7d0b8f57-6c8e-4a44-9d3b-3f2a5e1c9a01", "status": "ACTIVE",
                         "type": {"name": "team-annual", "version": 1}, "entitlements": ["core", "reports", "sso"],
                         "expiresAt": "2027-11-23T10:00:00Z", "graceEndsAt": "2027-12-07T10:00:00Z", "expirationBehaviour": "RESTRICT_ACCESS",
                         "seats": {"model": "NODE_LOCKED", "used": 3, "limit": 25}},
             "machine": null, "meter": null, "scope": {"fingerprint": "unknown-machine", "entitlement": null, "meter": null},
             "nonce": null, "checkedAt": "2026-11-23T21:04:05.123Z"}""";

    private final LicenseValidator validator;
    private final LicenseAccess access;
    private final SigningKeys keys;
    private final ObjectMapper json;
    private final ValidationView view;
    private final MeterRegistry registry;

    public ValidationResource(LicenseValidator validator, LicenseAccess access, SigningKeys keys, ObjectMapper json, ValidationView view,
            MeterRegistry registry) {
        this.validator = validator;
        this.access = access;
        this.keys = keys;
        this.json = json;
        this.view = view;
        this.registry = registry;
    }

    /** Every answer code's counter exists from the start, at zero (dashboards and increase() need the series). */
    void countFromStart(@Observes StartupEvent start) {
        for (ValidationCode code : ValidationCode.values()) {
            registry.counter("licenseflow.validations", "code", code.name());
        }
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a license key, optionally for a machine (fingerprint), a feature (entitlement) and a meter: always 200 "
            + "with valid, one code of a closed set (docs/validation.md) and the license summary, signed per RFC 9421 (Signature, "
            + "Signature-Input, Content-Digest) with a key of /.well-known/jwks.json")
    @APIResponse(responseCode = "200", description = "The answer (signed: Signature, Signature-Input, Content-Digest)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationAnswer.class), examples = {
                @ExampleObject(name = "valid", value = VALID_EXAMPLE),
                @ExampleObject(name = "another machine", value = MISMATCH_EXAMPLE)}))
    @APIResponse(responseCode = "429", description = "Beyond a rate limit (Retry-After, RateLimit, RateLimit-Policy)")
    public Uni<Response> validate(@Valid @NotNull ValidateRequest request) {
        if (!view.loaded()) {
            throw new ProblemException(Problem.of(ProblemCode.SERVICE_UNAVAILABLE, "the validation view is still loading: retry in a moment"),
                    Map.of("Retry-After", "1"));
        }
        return access.caller().chain(caller -> access.admitted(caller, request.key()).map(client -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            ValidationAnswer answer = validator.validate(request, now);
            if (answer.license() != null && !caller.mayUseLicenseOf(answer.license().accountId())) {
                throw new ProblemException(ProblemCode.FORBIDDEN, "your token does not allow using this license");
            }
            if (answer.code() == ValidationCode.MALFORMED_KEY || answer.code() == ValidationCode.NOT_FOUND) {
                access.unknownKey(client);
            }
            registry.counter("licenseflow.validations", "code", answer.code().name()).increment();
            return signed(answer, now);
        }));
    }

    private Response signed(ValidationAnswer answer, Instant now) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a validation answer", e);
        }
        Signer signer = keys.current();
        String digest = AnswerSignature.contentDigest(body);
        String parameters = AnswerSignature.parameters(now.getEpochSecond(), signer.kid());
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Digest", digest)
                .header("Signature-Input", AnswerSignature.signatureInput(parameters))
                .header("Signature", AnswerSignature.signature(signer.sign(AnswerSignature.base(200, digest, parameters))))
                .header("Cache-Control", "no-store")
                .build();
    }
}
