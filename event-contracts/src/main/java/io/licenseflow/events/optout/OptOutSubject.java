package io.licenseflow.events.optout;

import java.util.UUID;

/**
 * Whose choices: an end user ({@code user}, the product's user id), a machine ({@code machine}, its activation
 * fingerprint) or a whole customer account ({@code account}, the account id) within an account. {@link #key()} is the
 * Kafka key of the subject's records: {@code <accountId>:<kind>:<id>} (the id may itself contain colons; the first
 * two separate).
 */
public record OptOutSubject(String kind, String id) {

    public static final String USER = "user";
    public static final String MACHINE = "machine";
    public static final String ACCOUNT = "account";

    public static String key(UUID accountId, String kind, String id) {
        return accountId + ":" + kind + ":" + id;
    }

    public String key(UUID accountId) {
        return key(accountId, kind, id);
    }
}
