package org.roundtable.conference.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.conference.application.InvalidInput;
import org.roundtable.conference.application.PlanChangeOutcomeUnknown;
import org.roundtable.conference.application.ReportTooLarge;
import org.roundtable.conference.application.SignInRefused;
import org.roundtable.conference.application.TooManyAttempts;
import org.roundtable.conference.application.TryLater;
import org.roundtable.conference.application.access.AccessDenied;
import org.roundtable.conference.application.access.NotSignedIn;
import org.roundtable.conference.application.access.ResourceNotFound;
import org.roundtable.conference.domain.model.DomainRuleViolation;
import org.roundtable.conference.interfaces.problem.Problem;

/**
 * Every failure of the API becomes problem details with a message a person can act on. The
 * one place that decides which failure is which status; unexpected ones are logged and answered
 * without internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        Response response = problemFor(e).toResponse();
        return retryAfterSeconds(e).map(seconds -> Response.fromResponse(response).header("Retry-After", seconds).build())
                .orElse(response);
    }

    /**
     * When to send the same request again, for a failure that did nothing. Not for a change whose
     * outcome is unknown: a REST change has no id, so one sent again by itself could be made twice.
     */
    static Optional<Long> retryAfterSeconds(Throwable e) {
        if (e instanceof TryLater later && !(e instanceof PlanChangeOutcomeUnknown)) {
            return Optional.of(Math.max(1, later.retryAfter().toSeconds()));
        }
        return Optional.empty();
    }

    static Problem problemFor(Throwable e) {
        if (e instanceof ConstraintViolationException cve) {
            List<Problem.FieldError> errors = cve.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage())).toList();
            String detail = errors.size() == 1 ? errors.get(0).message() : "Some of what was sent needs correcting.";
            return Problem.of(400, "Bad Request", detail).withErrors(errors);
        }
        if (e instanceof InvalidInput invalid) {
            return Problem.of(400, "Bad Request", invalid.getMessage())
                    .withErrors(invalid.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
        }
        if (e instanceof JsonbException || e instanceof ProcessingException
                || e instanceof jakarta.ws.rs.BadRequestException) {
            return Problem.of(400, "Bad Request",
                    "The request body could not be read. Send JSON with the documented fields, names and types.");
        }
        if (e instanceof NotSignedIn) {
            return Problem.of(401, "Unauthorized", e.getMessage());
        }
        if (e instanceof SignInRefused) {
            return Problem.of(401, "Unauthorized", e.getMessage());
        }
        if (e instanceof TooManyAttempts) {
            return Problem.of(429, "Too Many Requests", e.getMessage());
        }
        if (e instanceof TryLater later) {
            return later.serverWide() ? Problem.of(503, "Service Unavailable", e.getMessage())
                    : Problem.of(429, "Too Many Requests", e.getMessage());
        }
        if (e instanceof AccessDenied) {
            return Problem.of(403, "Forbidden", e.getMessage());
        }
        if (e instanceof ResourceNotFound) {
            return Problem.of(404, "Not Found", e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return Problem.of(404, "Not Found", "There is nothing at this address.");
        }
        if (e instanceof NotAllowedException) {
            return Problem.of(405, "Method Not Allowed", "This address does not accept that kind of request.");
        }
        if (e instanceof NotSupportedException) {
            return Problem.of(415, "Unsupported Media Type", "Send the request body as application/json.");
        }
        if (e instanceof DomainRuleViolation) {
            return Problem.of(409, "Conflict", e.getMessage());
        }
        if (e instanceof OptimisticLockException) {
            return Problem.of(409, "Conflict", "Someone else changed this at the same time. Reload and try again.");
        }
        if (e instanceof ReportTooLarge) {
            return Problem.of(413, "Content Too Large", e.getMessage());
        }
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            var status = wae.getResponse().getStatusInfo();
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), "The request could not be handled as sent.");
        }
        LOG.log(Level.SEVERE, "Unexpected failure", e);
        return Problem.of(500, "Internal Server Error",
                "Something went wrong on our side. Nothing was saved; please try again.");
    }

    /** Transactions and persistence wrap the failure that matters; find it. */
    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current instanceof OptimisticLockException || current instanceof DomainRuleViolation
                    || current instanceof ConstraintViolationException) {
                return current;
            }
            boolean wrapper = current instanceof TransactionalException || current instanceof RollbackException
                    || (current instanceof PersistenceException && current.getCause() != null);
            if (!wrapper || current.getCause() == null) {
                return current;
            }
            current = current.getCause();
        }
        return e;
    }

    /** The field a violation is about; a missing body is reported against "body". */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                field = "body";
            } else if (node.getKind() == ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        return field;
    }
}
