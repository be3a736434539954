package io.licenseflow.entitlement.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.licenseflow.verifier.OptOuts;
import io.licenseflow.verifier.ValidationCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a validation, always in this shape (absent parts are null, never missing): the verdict, the license as
 * it stands, the machine and meter asked about, the question echoed, what may not be collected, and when it was checked.
 * Everything but {@code checkedAt} depends only on the question, the license's state and the opt-outs' state.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"valid", "code", "detail", "license", "machine", "meter", "scope", "optOuts", "nonce", "checkedAt"})
public record ValidationAnswer(boolean valid, ValidationCode code, String detail, License license, Machine machine, Meter meter, Scope scope,
        @Schema(description = "What may not be collected for the license's account, the machine and the user asked about "
                + "(docs/optout.md#enforcement); null when no license was found") OptOuts optOuts,
        String nonce, Instant checkedAt) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"id", "accountId", "status", "type", "entitlements", "expiresAt", "graceEndsAt", "expirationBehaviour", "seats"})
    public record License(UUID id, UUID accountId, String status, Type type, List<String> entitlements, Instant expiresAt, Instant graceEndsAt,
            String expirationBehaviour, Seats seats) {
    }

    @JsonPropertyOrder({"name", "version"})
    public record Type(String name, int version) {
    }

    @JsonPropertyOrder({"model", "used", "limit"})
    public record Seats(String model, int used, int limit) {
    }

    @JsonPropertyOrder({"fingerprint", "activationId"})
    public record Machine(String fingerprint, UUID activationId) {
    }

    /** The meter asked about: its quota, its cap (null for none) and what was used in the current period. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"meter", "period", "quota", "cap", "used", "periodStart", "periodEnd"})
    public record Meter(String meter, String period, long quota, Long cap, long used, Instant periodStart, Instant periodEnd) {
    }

    /** What was asked, bar the key. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"fingerprint", "entitlement", "meter", "user"})
    public record Scope(String fingerprint, String entitlement, String meter, String user) {
    }
}
