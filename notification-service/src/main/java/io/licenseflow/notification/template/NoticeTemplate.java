package io.licenseflow.notification.template;

import java.util.Arrays;
import java.util.Optional;

/**
 * The notices LicenseFlow sends, each a versioned Qute template per locale under
 * {@code templates/notices/<id>/v<version>/<locale>.html|.txt}. A new version is a new folder: notices keep the version
 * they were created with, so a resend looks like the original. Transactional notices concern a license the customer
 * holds and are always sent; lifecycle ones are not sent to a subject opted out of {@code marketing-email}.
 */
public enum NoticeTemplate {

    LICENSE_DETAILS("license-details", Category.TRANSACTIONAL, 1, true),
    ACTIVATION_INSTRUCTIONS("activation-instructions", Category.TRANSACTIONAL, 1, true),
    LICENSE_EXPIRING("license-expiring", Category.TRANSACTIONAL, 1, false),
    LICENSE_EXPIRED("license-expired", Category.TRANSACTIONAL, 1, false),
    LICENSE_SUSPENDED("license-suspended", Category.TRANSACTIONAL, 1, false),
    LICENSE_REVOKED("license-revoked", Category.TRANSACTIONAL, 1, false),
    ONBOARDING_COMPLETED("onboarding-completed", Category.LIFECYCLE, 1, false);

    /** The purpose a lifecycle notice's recipient can opt out of. */
    public static final String MARKETING_EMAIL = "marketing-email";

    public enum Category {
        TRANSACTIONAL, LIFECYCLE;

        public String id() {
            return name().toLowerCase();
        }
    }

    private final String id;
    private final Category category;
    private final int currentVersion;
    private final boolean carriesKey;

    NoticeTemplate(String id, Category category, int currentVersion, boolean carriesKey) {
        this.id = id;
        this.category = category;
        this.currentVersion = currentVersion;
        this.carriesKey = carriesKey;
    }

    public String id() {
        return id;
    }

    public Category category() {
        return category;
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** Whether the notice shows the license key (opened from the hand-off when sent, never stored in clear). */
    public boolean carriesKey() {
        return carriesKey;
    }

    public static Optional<NoticeTemplate> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
