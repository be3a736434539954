package io.licenseflow.testing.hostile;

import java.util.function.UnaryOperator;

/**
 * One hostile input: how it spoils an operation's well-formed request, and, where the answer does not depend on the
 * endpoint (the shared request guard answers before any route), the status and code it must get. A case the HTTP
 * codec refuses (beyond its hard caps, or bytes it will not parse as HTTP) gets a bare status: only that is checked.
 */
record HostileCase(String category, String name, UnaryOperator<RawRequest> spoil, int expectedStatus, String expectedCode,
        boolean codecLevel) {

    static HostileCase of(String category, String name, UnaryOperator<RawRequest> spoil) {
        return new HostileCase(category, name, spoil, 0, null, false);
    }

    static HostileCase expecting(int status, String code, String category, String name, UnaryOperator<RawRequest> spoil) {
        return new HostileCase(category, name, spoil, status, code, false);
    }

    static HostileCase refusedByTheCodec(int status, String category, String name, UnaryOperator<RawRequest> spoil) {
        return new HostileCase(category, name, spoil, status, null, true);
    }

    String id() {
        return category + ": " + name;
    }
}
