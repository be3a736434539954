package io.licenseflow.commons.paging;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** A position in a list ordered by creation time, then id: the last row a page showed. Opaque to clients. */
public record Cursor(Instant createdAt, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 2) {
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            // answered below
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, "after", "must be the 'next' value of a previous page");
    }
}
