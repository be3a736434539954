package io.licenseflow.onboarding.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Leading and trailing white space (any Unicode kind) is dropped before validation sees the values. */
public record CreateAccountRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String contactEmail) {

    public CreateAccountRequest {
        name = name == null ? null : name.strip();
        contactEmail = contactEmail == null ? null : contactEmail.strip();
    }
}
