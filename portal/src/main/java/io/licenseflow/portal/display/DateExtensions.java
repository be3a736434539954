package io.licenseflow.portal.display;

import io.quarkus.qute.TemplateExtension;

/** {@code {x.day}} and {@code {x.minute}} in every template, for the services' ISO-8601 instants. */
@TemplateExtension
public final class DateExtensions {

    private DateExtensions() {
    }

    static String day(Object iso) {
        return Dates.day(iso);
    }

    static String minute(Object iso) {
        return Dates.minute(iso);
    }
}
