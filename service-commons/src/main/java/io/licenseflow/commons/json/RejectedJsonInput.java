package io.licenseflow.commons.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/** A request body the JSON layer refuses before any deserializer sees it: text that cannot be stored, or not UTF-8. */
public class RejectedJsonInput extends JsonParseException {

    public enum Reason { INVALID_TEXT, NOT_UTF8 }

    private final Reason reason;
    private final String pointer;

    private RejectedJsonInput(JsonParser parser, Reason reason, String pointer, String message) {
        super(parser, message);
        this.reason = reason;
        this.pointer = pointer;
    }

    static RejectedJsonInput invalidText(JsonParser parser, String pointer, String what) {
        return new RejectedJsonInput(parser, Reason.INVALID_TEXT, pointer, "contains " + what + ", which cannot be stored");
    }

    static RejectedJsonInput notUtf8(JsonParser parser) {
        return new RejectedJsonInput(parser, Reason.NOT_UTF8, "", "request body must be JSON encoded as UTF-8 without a byte order mark");
    }

    public Reason reason() {
        return reason;
    }

    /** Where in the body, as a JSON Pointer ("" for the body itself). */
    public String pointer() {
        return pointer;
    }
}
