package io.licenseflow.testing.hostile;

import java.util.function.UnaryOperator;

/**
 * One hostile input: how it spoils an operation's well-formed request, and, where the answer does not depend on
 * the endpoint (the shared request guard answers before any route), the status and code it must get.
 */
record HostileCase(String category, String name, UnaryOperator<RawRequest> spoil, int expectedStatus, String expectedCode) {

    static HostileCase of(String category, String name, UnaryOperator<RawRequest> spoil) {
        return new HostileCase(category, name, spoil, 0, null);
    }

    static HostileCase expecting(int status, String code, String category, String name, UnaryOperator<RawRequest> spoil) {
        return new HostileCase(category, name, spoil, status, code);
    }

    String id() {
        return category + ": " + name;
    }
}
