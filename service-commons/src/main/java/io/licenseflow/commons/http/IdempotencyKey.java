package io.licenseflow.commons.http;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of retry-safe writes: 1 to 255 visible ASCII characters. A retry with the same key
 * and the same request is answered as the first was, with {@code Idempotency-Replayed: true}; the same key with another
 * request is {@code 409 idempotency-key-reused}, told apart by {@link #fingerprint} of the request.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final Pattern USABLE = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKey() {
    }

    /** The key, or null when none was sent; a malformed one is refused (400 invalid-parameter). */
    public static String optional(String key) {
        if (key != null && !USABLE.matcher(key).matches()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, HEADER, "must be 1 to 255 visible ASCII characters");
        }
        return key;
    }

    /** The key, which the operation needs (400 idempotency-key-required, with {@code why}, when missing or blank). */
    public static String required(String key, String why) {
        if (key == null || key.isBlank()) {
            throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REQUIRED, why);
        }
        return optional(key);
    }

    /** A SHA-256 (hex) of the request's canonical text: what tells a retry from another request under the same key. */
    public static String fingerprint(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
