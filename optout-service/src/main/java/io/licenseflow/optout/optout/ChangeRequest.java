package io.licenseflow.optout.optout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change: set ({@code optedOut: true}) or withdraw ({@code optedOut: false}) a subject's opt-out of a purpose. */
public record ChangeRequest(
        @Schema(examples = "7d0b8f57-6c8e-4a44-9d3b-3f2a5e1c9a01") @NotNull UUID accountId,
        @Valid @NotNull SubjectRequest subject,
        @Schema(examples = "telemetry") @NotBlank @Size(max = 64) String purpose,
        @Schema(description = "true: opt out; false: withdraw the opt-out (an explicit choice to allow)") @NotNull Boolean optedOut,
        @Schema(description = "Where the subject is (ISO 3166 country, or country-subdivision, or EU); kept for its later changes",
                examples = "DE") @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?", message = "must be an ISO 3166 code such as DE, US-CA or EU") String jurisdiction) {

    /** {@code kind}: user (the product's user id), machine (its activation fingerprint) or account (the account id). */
    public record SubjectRequest(
            @Schema(enumeration = {"user", "machine", "account"}) @NotNull @Pattern(regexp = "user|machine|account",
                    message = "must be user, machine or account") String kind,
            @Schema(examples = "u-48213", description = "1 to 255 characters without control characters; for an account, its id (or omitted)")
            @Size(min = 1, max = 255) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must not contain control characters") String id) {
    }
}
