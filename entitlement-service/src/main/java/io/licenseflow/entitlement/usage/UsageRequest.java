package io.licenseflow.entitlement.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Usage of a meter by an activated machine, optionally of a user and for a purpose; the license key is the credential. */
public record UsageRequest(
        @Schema(description = "The license key", examples = "LF-7Q2M-XK4P-9B8N-3HRT-V6WD-2YJC-5ES0") @NotBlank @Size(max = 64) String key,
        @Schema(description = "The fingerprint of an active activation of the license", examples = "b3f1c2d4e5a6978812aa")
        @NotBlank @Size(max = 255) String fingerprint,
        @Schema(description = "A meter of the license's type", examples = "api-calls") @NotBlank @Size(max = 64) String meter,
        @Schema(examples = "25") @NotNull @Min(1) @Max(1_000_000_000) Long quantity,
        @Schema(description = "What the reported data is collected for: a report for a purpose the account, the machine or the user "
                + "opted out of is refused (409 opted-out-purpose, docs/optout.md#enforcement)", examples = "usage-analytics")
        @Size(min = 1, max = 64) @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*", message = "must be lower-case words joined by single hyphens")
        String purpose,
        @Schema(description = "The end user (opt-out subject id) the usage is of, when it is of one", examples = "emil")
        @Size(min = 1, max = 255) String user) {
}
