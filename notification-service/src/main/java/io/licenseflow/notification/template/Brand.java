package io.licenseflow.notification.template;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/**
 * The vendor's brand on every notice ({@code licenseflow.notification.brand.*}): names, addresses, links and colour.
 * Checked at start-up: a deployment with a malformed value does not start.
 */
@ConfigMapping(prefix = "licenseflow.notification.brand")
public interface Brand {

    @NotBlank
    String vendorName();

    @NotBlank
    String productName();

    /** The From of every notice, e.g. {@code Acme Licensing <licenses@acme.example>}. */
    @NotBlank
    String from();

    @Email
    @NotBlank
    String supportEmail();

    @Pattern(regexp = "https?://\\S+")
    String websiteUrl();

    /** The self-service portal, where customers see their licenses and choices. */
    @Pattern(regexp = "https?://\\S+")
    String portalUrl();

    /** The portal's page of the customer's choices: lifecycle notices link to it, and name it in List-Unsubscribe. */
    default String optOutsUrl() {
        return portalUrl() + "/optouts";
    }

    /** The colour of headings and buttons in HTML notices. */
    @Pattern(regexp = "#[0-9a-fA-F]{6}")
    String accentColor();

    Optional<@Pattern(regexp = "https://\\S+") String> logoUrl();

    /** The sender's postal address, in the footer (required of commercial email in many places). */
    @NotBlank
    String postalAddress();

    /** The command that activates the product with a key (activation instructions show it with the customer's key). */
    @NotBlank
    String activationCommand();

    @Pattern(regexp = "https?://\\S+")
    String activationDocsUrl();

    /** The right-hand side of notices' Message-IDs ({@code <notice-id@domain>}). */
    @Pattern(regexp = "[A-Za-z0-9.-]+")
    String messageIdDomain();
}
