package io.licenseflow.entitlement.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Usage of a meter by an activated machine; the license key is the credential. */
public record UsageRequest(
        @Schema(description = "The license key", examples = "LF-7Q2M-XK4P-9B8N-3HRT-V6WD-2YJC-5ES0") @NotBlank @Size(max = 64) String key,
        @Schema(description = "The fingerprint of an active activation of the license", examples = "b3f1c2d4e5a6978812aa")
        @NotBlank @Size(max = 255) String fingerprint,
        @Schema(description = "A meter of the license's type", examples = "api-calls") @NotBlank @Size(max = 64) String meter,
        @Schema(examples = "25") @NotNull @Min(1) @Max(1_000_000_000) Long quantity) {
}
