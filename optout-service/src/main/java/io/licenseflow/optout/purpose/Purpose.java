package io.licenseflow.optout.purpose;

/**
 * What data may be collected or used for. {@code optedOutByDefault} is null for the built-in purposes, whose defaults
 * depend on the subject's jurisdiction ({@link OptOutDefaults}), and the account's setting for a purpose it added.
 */
public record Purpose(String name, String description, boolean builtIn, Boolean optedOutByDefault) {
}
