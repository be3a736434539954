package io.licenseflow.commons.problem;

import java.util.List;
import java.util.Map;

/** Thrown by domain code to answer with a problem detail. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(ProblemCode code, String detail) {
        this(Problem.of(code, detail));
    }

    /** A problem about one field, named in {@code errors[]} as well as in the detail. */
    public ProblemException(ProblemCode code, String field, String message) {
        this(Problem.of(code, field + " " + message, List.of(new Problem.FieldError(field, message))));
    }

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** A problem answered with these response headers too (e.g. Retry-After). */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
