package io.hazardledger.eventstore.http;

import jakarta.ws.rs.WebApplicationException;

import java.util.List;

/**
 * A request refused for a reason the client can act on; answered as problem+json with its status. A
 * WebApplicationException, so that it keeps its status even where JAX-RS converts parameters.
 */
public class ProblemException extends WebApplicationException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), problem.status());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what + " " + id + " does not exist"));
    }

    /** A command not allowed in the aggregate's current state. */
    public static ProblemException illegalTransition(String command, String state) {
        return new ProblemException(Problem.of("illegal-transition", "Command not allowed in this state", 409,
                command + " is not allowed while the state is " + state));
    }

    /** A command sent with an {@code If-Match} version the aggregate has moved past. */
    public static ProblemException preconditionFailed(String what, Object id, long expected, long actual) {
        return new ProblemException(Problem.of("stale-version", "Precondition failed", 412,
                what + " " + id + " is at version " + actual + ", not " + expected + "; reload and retry"));
    }

    /** A command whose {@code If-Match} version was current when checked but lost the race to another writer. */
    public static ProblemException overtaken(String what, Object id, long expected) {
        return new ProblemException(Problem.of("stale-version", "Precondition failed", 412,
                what + " " + id + " was changed by someone else after version " + expected + "; reload and retry"));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("validation-failed", "Request is not valid", 400, message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(slug, "Conflict", 409, detail));
    }
}
