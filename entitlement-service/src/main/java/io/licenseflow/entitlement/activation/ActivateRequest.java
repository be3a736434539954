package io.licenseflow.entitlement.activation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A machine asking for a seat: the license key is its credential, the fingerprint names the machine. */
public record ActivateRequest(
        @Schema(description = "The license key", examples = "LF-7Q2M-XK4P-9B8N-3HRT-V6WD-2YJC-5ES0") @NotBlank @Size(max = 64) String key,
        @Schema(description = "A stable identifier of the machine, chosen by the product", examples = "b3f1c2d4e5a6978812aa")
        @NotBlank @Size(max = 255) String fingerprint,
        @Schema(examples = "build-server-01") @Size(max = 200) String name,
        @Schema(examples = "linux-x86_64") @Size(max = 100) String platform,
        @Schema(description = "At most 16 entries; keys up to 64 characters, values up to 256", examples = "{\"hostname\": \"build-01\"}")
        @Size(max = 16) Map<@Size(min = 1, max = 64) String, @jakarta.validation.constraints.NotNull @Size(max = 256) String> metadata) {
}
