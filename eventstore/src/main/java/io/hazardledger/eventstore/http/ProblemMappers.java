package io.hazardledger.eventstore.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.hazardledger.eventstore.consumer.TransientFailures;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.IllegalTransition;
import io.hazardledger.eventstore.domain.RuleViolation;
import io.hazardledger.eventstore.store.ConcurrencyConflictException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Every failure of every service answered the same way: RFC 9457 problem+json. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client should wait before retrying while the database is away: about a restart's time. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(Problem.of("validation-failed", "Request is not valid", 400, detail).withErrors(errors));
    }

    // Named one by one: Quarkus maps MismatchedInputException itself, and the most specific mapper wins.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, ValueInstantiationException.class})
    public Response unreadableJson(JsonProcessingException e) {
        Problem problem = Problem.of("malformed-json", "Request body is not valid JSON for this resource", 400,
                e.getOriginalMessage());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            problem = problem.withErrors(List.of(new Problem.FieldError(field, "cannot be read: " + e.getOriginalMessage())));
        }
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e) {
        return respond(Problem.of("validation-failed", "Request is not valid", 400, e.getMessage())
                .withErrors(e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList()));
    }

    @ServerExceptionMapper
    public Response forbidden(Caller.Forbidden e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response outOfScope(Caller.OutOfScope e) {
        return respond(Problem.of("not-found", "Not found", 404, "No such resource"));
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransition e) {
        return respond(ProblemException.illegalTransition(e.command(), e.state()).problem());
    }

    @ServerExceptionMapper
    public Response versionConflict(ConcurrencyConflictException e) {
        return respond(Problem.of("version-conflict", "Changed by someone else", 409,
                e.getMessage() + "; reload and retry"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return respond(Problem.of(title.toLowerCase().replace(' ', '-'), title, status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return failed(e);
    }

    // Checked ones too (a refused database connection arrives as java.net.ConnectException): never the default page.
    @ServerExceptionMapper
    public Response unexpectedChecked(Exception e) {
        return failed(e);
    }

    /**
     * A failure of the infrastructure (the database unreachable or its connection lost, a deadlock) is the client's
     * cue to retry, not a fault of the request: 503 with Retry-After. The same test keeps consumers retrying.
     */
    private static Response failed(Throwable e) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.fromResponse(respond(Problem.of("service-unavailable", "Service unavailable", 503,
                    "The database cannot be reached; retry later"))).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of("internal-error", "Internal error", 500, "The request could not be completed"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request field a violation is about: the path below the method and its parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        boolean onMethod = !nodes.isEmpty() && nodes.get(0).getKind() == jakarta.validation.ElementKind.METHOD;
        List<Path.Node> fieldNodes = onMethod ? nodes.subList(Math.min(2, nodes.size()), nodes.size()) : nodes;
        if (fieldNodes.isEmpty()) {
            return onMethod && nodes.size() > 1 ? nodes.get(1).getName() : "body";
        }
        return fieldNodes.stream().map(Path.Node::toString).collect(Collectors.joining("."));
    }
}
