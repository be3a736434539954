package io.licenseflow.entitlement.validation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A validation question: the key, and optionally the machine, a feature and a meter to check, and the user whose
 * opt-outs the answer should carry; {@code nonce} is echoed
 * in the signed answer, so that an answer cannot be replayed for another question.
 */
public record ValidateRequest(
        @NotNull @Size(max = 100) @Schema(examples = "LF-7KQ2-M9XD-4RTA-PL3E-ZC8N-W6HB-Q2VJ") String key,
        @Size(min = 1, max = 255) @Schema(examples = "4c:2e:8a:91:fe:01") String fingerprint,
        @Size(min = 1, max = 64) @Schema(examples = "export-pdf") String entitlement,
        @Size(min = 1, max = 64) @Schema(examples = "api-calls") String meter,
        @Size(min = 1, max = 128) @Schema(examples = "c0ffee-42") String nonce,
        @Size(min = 1, max = 255) @Schema(description = "The end user (opt-out subject id) the product serves, for their opt-outs",
                examples = "emil") String user) {
}
