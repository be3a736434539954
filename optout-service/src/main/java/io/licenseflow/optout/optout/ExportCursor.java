package io.licenseflow.optout.optout;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A position in an account's choices, ordered by kind, purpose and subject id: opaque to clients. */
record ExportCursor(String kind, String purpose, String subjectId) {

    static final ExportCursor START = new ExportCursor("", "", "");

    static ExportCursor of(ChoiceRecord r) {
        return new ExportCursor(r.kind(), r.purpose(), r.subjectId());
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + "\u0000" + purpose + "\u0000" + subjectId).getBytes(StandardCharsets.UTF_8));
    }

    static ExportCursor decode(String text) {
        if (text == null) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\u0000", 3);
            if (parts.length == 3) {
                return new ExportCursor(parts[0], parts[1], parts[2]);
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, "after", "must come from the Link header of a previous page");
    }
}
