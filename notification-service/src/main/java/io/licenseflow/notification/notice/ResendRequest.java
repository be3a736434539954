package io.licenseflow.notification.notice;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Send a notice again, to its account's contact or to another address (not for notices carrying a license key). */
@Schema(name = "ResendRequest")
public record ResendRequest(
        @Schema(description = "Another address to send it to; absent: the account's contact", examples = "it@acme.example", maxLength = 320)
        String to) {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");

    /** The address to send to (null: the account's contact); a malformed one is refused ({@code invalid-email}). */
    public String checkedTo() {
        if (to != null && (to.length() > 320 || !ADDRESS.matcher(to).matches())) {
            throw new ProblemException(ProblemCode.INVALID_EMAIL, "to", "must be an email address such as it@acme.example");
        }
        return to;
    }
}
