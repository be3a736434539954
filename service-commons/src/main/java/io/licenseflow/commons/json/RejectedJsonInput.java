package io.licenseflow.commons.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import io.licenseflow.commons.problem.FieldPath;
import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.Problem.FieldError;
import io.licenseflow.commons.problem.ProblemCode;
import java.util.List;

/** A request body that the JSON layer refuses before any deserializer sees it; carries the problem to answer. */
public class RejectedJsonInput extends JsonParseException {

    private final transient Problem problem;

    private RejectedJsonInput(JsonParser parser, Problem problem) {
        super(parser, problem.detail());
        this.problem = problem;
    }

    static RejectedJsonInput invalidText(JsonParser parser, String pointer, String what) {
        String field = FieldPath.ofPointer(pointer);
        String message = "contains " + what + ", which cannot be stored";
        if (field.isEmpty()) {
            return new RejectedJsonInput(parser, Problem.of(ProblemCode.INVALID_CHARACTERS, "a string " + message));
        }
        return new RejectedJsonInput(parser, Problem.of(ProblemCode.INVALID_CHARACTERS, "field '" + field + "' " + message,
                List.of(new FieldError(field, message))));
    }

    static RejectedJsonInput notUtf8(JsonParser parser) {
        return new RejectedJsonInput(parser, Problem.of(ProblemCode.MALFORMED_JSON,
                "request body must be JSON encoded as UTF-8 without a byte order mark"));
    }

    public Problem problem() {
        return problem;
    }
}
