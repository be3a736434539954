package io.licenseflow.commons.problem;

import java.util.List;

/** Thrown by domain code to answer with a problem detail. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemCode code, String detail) {
        this(Problem.of(code, detail));
    }

    /** A problem about one field, named in {@code errors[]} as well as in the detail. */
    public ProblemException(ProblemCode code, String field, String message) {
        this(Problem.of(code, field + " " + message, List.of(new Problem.FieldError(field, message))));
    }

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
