package io.licenseflow.commons.problem;

/** Thrown by domain code to answer with a problem detail. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemCode code, String detail) {
        super(detail);
        this.problem = Problem.of(code, detail);
    }

    public Problem problem() {
        return problem;
    }
}
