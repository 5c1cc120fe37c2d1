package org.roundtable.conference.interfaces.rest;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * RESTEasy brings its own mapper for validation failures, in its own format. This one, for the
 * same type, takes its place so that invalid input is answered as problem details too.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException exception) {
        return ProblemMapper.problemFor(exception).toResponse();
    }
}
