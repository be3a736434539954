package io.licenseflow.portal.choices;

import io.licenseflow.portal.errors.PageRefusal;

/** The choice forms' fields: a purpose and {@code optedOut} true or false, as the pages' buttons send them. */
public final class Choices {

    private Choices() {
    }

    public static void checkForm(String purpose, String optedOut) {
        if (purpose == null || purpose.isBlank() || !("true".equals(optedOut) || "false".equals(optedOut))) {
            throw new PageRefusal(400, "invalid-choice", "That choice could not be read", "Go back to the page and use its buttons.");
        }
    }
}
