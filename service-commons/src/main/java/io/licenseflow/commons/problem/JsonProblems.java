package io.licenseflow.commons.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.licenseflow.commons.json.RejectedJsonInput;
import io.licenseflow.commons.problem.Problem.FieldError;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The problems of request bodies that cannot be read. Only a failure of reading the request counts: a Jackson
 * exception thrown directly, or wrapped only by the REST layer. A JSON failure our own code wraps (reading stored
 * data, writing a response) is an internal error, not the client's. Details are written here, never copied from
 * exception messages that could name our classes.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** The problem, or null when {@code e} is not a failure to read a request body. */
    static Problem fromRequestBody(Throwable e) {
        List<Throwable> chain = chain(e);
        JacksonException innermost = null;
        JsonMappingException outermostMapping = null;
        for (Throwable t : chain) {
            if (t instanceof JacksonException json) {
                innermost = json;
                if (outermostMapping == null && t instanceof JsonMappingException mapping) {
                    outermostMapping = mapping;
                }
            } else if (!(t instanceof WebApplicationException || t instanceof ProcessingException)) {
                return null; // wrapped by our own code: not the request's fault
            }
        }
        if (innermost == null || innermost instanceof InvalidDefinitionException) {
            return null;
        }
        String field = outermostMapping == null ? null : FieldPath.of(outermostMapping.getPath());
        return problem(innermost, field);
    }

    private static Problem problem(JacksonException cause, String field) {
        if (cause instanceof RejectedJsonInput rejected) {
            return rejected.reason() == RejectedJsonInput.Reason.NOT_UTF8
                    ? Problem.of(ProblemCode.MALFORMED_JSON, rejected.getOriginalMessage())
                    : fieldProblem(ProblemCode.INVALID_CHARACTERS, FieldPath.ofPointer(rejected.pointer()), rejected.getOriginalMessage());
        }
        if (cause instanceof StreamConstraintsException) {
            return Problem.of(ProblemCode.JSON_LIMIT_EXCEEDED, "the body nests deeper than allowed, or has a number, string or field name "
                    + "longer than allowed (see the request limits in docs/errors.md)");
        }
        if (cause instanceof InputCoercionException) {
            return fieldProblem(ProblemCode.NUMBER_OUT_OF_RANGE, field, "is out of range for its type");
        }
        if (cause instanceof JsonParseException parse) {
            String message = parse.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                // The parser is at the second occurrence: its path names the field.
                String at = parse.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null
                        ? FieldPath.ofPointer(parser.getParsingContext().pathAsPointer().toString()) : "";
                return fieldProblem(ProblemCode.DUPLICATE_FIELD, at, "appears more than once");
            }
            return Problem.of(ProblemCode.MALFORMED_JSON, "request body is not valid JSON" + where(parse));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return fieldProblem(ProblemCode.UNKNOWN_FIELD, FieldPath.of(unknown.getPath()), "is not a field of this request");
        }
        if (cause instanceof ValueInstantiationException) {
            return fieldProblem(ProblemCode.VALIDATION_FAILED, field, "is invalid");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return Problem.of(ProblemCode.MALFORMED_JSON, "request body must be one JSON object");
            }
            String expected = mismatch.getTargetType() == null ? "of another type" : describe(mismatch.getTargetType());
            return fieldProblem(ProblemCode.WRONG_TYPE, field, "must be " + expected);
        }
        if (cause instanceof JsonMappingException) {
            return fieldProblem(ProblemCode.WRONG_TYPE, field, "has the wrong type");
        }
        return Problem.of(ProblemCode.MALFORMED_JSON, "request body is not valid JSON");
    }

    /** Jackson's own messages name its features and classes: we say only where. */
    private static String where(JsonParseException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type == UUID.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static Problem fieldProblem(ProblemCode code, String field, String message) {
        if (field == null || field.isEmpty()) {
            return Problem.of(code, "request body " + message);
        }
        return Problem.of(code, "field '" + field + "' " + message, List.of(new FieldError(field, message)));
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 16 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
