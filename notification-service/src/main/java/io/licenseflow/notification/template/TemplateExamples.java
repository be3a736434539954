package io.licenseflow.notification.template;

import io.licenseflow.notification.template.NoticeModel.BrandView;
import io.licenseflow.notification.template.NoticeModel.LicenseFacts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The example each template is previewed with (and its golden files rendered from): a fictitious customer, license
 * and key, so that a preview never shows anyone's data.
 */
@ApplicationScoped
public class TemplateExamples {

    public static final String EXAMPLE_KEY = "LF-7Q2M-K9XR-4TWD-H3PV-8NCJ";

    private final Brand brand;

    public TemplateExamples(Brand brand) {
        this.brand = brand;
    }

    public NoticeModel example(NoticeTemplate template, String lang) {
        boolean de = "de".equals(lang);
        LicenseFacts license = new LicenseFacts("3f2c1a7e-5b8d-4e0f-9a61-2d4c8b7e1f05", "Team (annual)", "LF-7Q2M", 10, 3,
                de ? "1. Dezember 2026" : "December 1, 2026", de ? "1. Dezember 2027" : "December 1, 2027", "ACTIVE");
        String reason = switch (template) {
            case LICENSE_SUSPENDED -> de ? "Rechnung 2026-118 ist überfällig" : "invoice 2026-118 is overdue";
            case LICENSE_REVOKED -> de ? "Vertrag beendet" : "contract terminated";
            default -> null;
        };
        return new NoticeModel(BrandView.of(brand), lang, "Example Corp", "Example Corp", license,
                template.carriesKey() ? EXAMPLE_KEY : null, false, reason, de ? "24. November 2026" : "November 24, 2026", brand.portalUrl(),
                template.category() == NoticeTemplate.Category.LIFECYCLE ? brand.optOutsUrl() : null);
    }
}
