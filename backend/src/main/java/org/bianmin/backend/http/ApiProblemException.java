package org.bianmin.backend.http;

/** Thrown by a handler to answer with {@link ApiProblem}. */
public class ApiProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ApiProblem problem;

    public ApiProblemException(ApiProblem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
