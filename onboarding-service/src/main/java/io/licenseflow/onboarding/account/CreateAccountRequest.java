package io.licenseflow.onboarding.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new customer account and the license its onboarding asks for. Leading and trailing white space (any Unicode kind)
 * is dropped before validation sees the values.
 */
public record CreateAccountRequest(
        @Schema(examples = "Acme Corp") @NotBlank @Size(max = 200) String name,
        @Schema(format = "email", examples = "ops@acme.example.com") @NotBlank @Email @Size(max = 320) String contactEmail,
        @Schema(description = "A license type on offer (GET /v1/license-types of entitlement-service)", examples = "starter-monthly")
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a license type name such as 'team-annual'") String licenseType,
        @Schema(description = "Seats to license; absent for the type's default. The type says how many it allows.", examples = "3")
        @Min(1) @Max(100_000) Integer seats,
        @Schema(description = "Language of the account's notices (BCP 47); en when absent", examples = "en")
        @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?", message = "must be a language tag such as 'en' or 'de-AT'") String locale) {

    public CreateAccountRequest {
        name = name == null ? null : name.strip();
        contactEmail = contactEmail == null ? null : contactEmail.strip();
        licenseType = licenseType == null ? null : licenseType.strip();
    }

    String localeOrDefault() {
        return locale == null ? "en" : locale;
    }
}
