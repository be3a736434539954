package io.licenseflow.portal.display;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * In every template: {@code {x.day}} and {@code {x.minute}} for the services' ISO-8601 instants, {@code {x.urlEncoded}}
 * for a value put into a link's query (a paging cursor, an id typed into a form).
 */
@TemplateExtension
public final class DisplayExtensions {

    private DisplayExtensions() {
    }

    static String day(Object iso) {
        return Dates.day(iso);
    }

    static String minute(Object iso) {
        return Dates.minute(iso);
    }

    static String urlEncoded(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }
}
