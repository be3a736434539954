package io.licenseflow.onboarding.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Leading and trailing white space (any Unicode kind) is dropped before validation sees the values. */
public record CreateAccountRequest(
        @Schema(examples = "Acme Corp") @NotBlank @Size(max = 200) String name,
        @Schema(format = "email", examples = "ops@acme.example.com") @NotBlank @Email @Size(max = 320) String contactEmail) {

    public CreateAccountRequest {
        name = name == null ? null : name.strip();
        contactEmail = contactEmail == null ? null : contactEmail.strip();
    }
}
