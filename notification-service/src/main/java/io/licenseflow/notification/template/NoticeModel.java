package io.licenseflow.notification.template;

import io.quarkus.qute.TemplateData;

/**
 * What a notice's template sees. Dates are already written out in the notice's language; {@code licenseKey} is set
 * for key notices only, {@code reason} for suspension and revocation, {@code unsubscribeUrl} for lifecycle notices.
 */
@TemplateData
public record NoticeModel(BrandView brand, String lang, String recipientName, String accountName, LicenseFacts license, String licenseKey,
        boolean rekeyed, String reason, String dateOfChange, String portalUrl, String unsubscribeUrl) {

    /** The brand as templates see it. */
    @TemplateData
    public record BrandView(String vendorName, String productName, String supportEmail, String websiteUrl, String accentColor, String logoUrl,
            String postalAddress, String activationCommand, String activationDocsUrl) {

        public static BrandView of(Brand brand) {
            return new BrandView(brand.vendorName(), brand.productName(), brand.supportEmail(), brand.websiteUrl(), brand.accentColor(),
                    brand.logoUrl().orElse(null), brand.postalAddress(), brand.activationCommand(), brand.activationDocsUrl());
        }
    }

    /**
     * The license as the customer knows it: its type's name, the first (non-secret) group of its key, seats, and its
     * term written out ({@code expiresOn} null for a perpetual license).
     */
    @TemplateData
    public record LicenseFacts(String id, String typeName, String keyPrefix, int seatLimit, int seatsUsed, String startsOn, String expiresOn,
            String status) {
    }
}
