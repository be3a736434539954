package io.licenseflow.notification.template;

import java.util.List;
import java.util.Locale;

/** The languages notices are written in; an account's locale picks one by its language, English otherwise. */
public final class NoticeLocales {

    public static final List<String> SUPPORTED = List.of("en", "de");
    public static final String FALLBACK = "en";

    private NoticeLocales() {
    }

    /** "de-AT" → "de"; "fr" → "en". */
    public static String pick(String accountLocale) {
        if (accountLocale == null) {
            return FALLBACK;
        }
        String language = Locale.forLanguageTag(accountLocale).getLanguage();
        return SUPPORTED.contains(language) ? language : FALLBACK;
    }
}
