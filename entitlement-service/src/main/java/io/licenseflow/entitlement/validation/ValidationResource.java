package io.licenseflow.entitlement.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.entitlement.license.LicenseAccess;
import io.licenseflow.entitlement.signing.Signer;
import io.licenseflow.entitlement.signing.SigningKeys;
import io.licenseflow.verifier.AnswerSignature;
import io.licenseflow.verifier.ValidationCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a license key, optionally for a machine (fingerprint), a feature (entitlement) and a meter: always 200 "
            + "with valid, one code of a closed set (docs/validation.md) and the license summary, signed per RFC 9421 (Signature, "
            + "Signature-Input, Content-Digest) with a key of /.well-known/jwks.json")
    public Uni<Response> validate(@Valid @NotNull ValidateRequest request) {
        if (!view.loaded()) {
            throw new ProblemException(ProblemCode.SERVICE_UNAVAILABLE, "the validation view is still loading: retry in a moment");
        }
        return access.caller().chain(caller -> access.admitted(caller, request.key()).map(client -> {
            validator.find(request.key()).ifPresent(license -> {
                if (!caller.mayUseLicenseOf(license.accountId())) {
                    throw new ProblemException(ProblemCode.FORBIDDEN, "your token does not allow using this license");
                }
            });
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            ValidationAnswer answer = validator.validate(request, now);
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
