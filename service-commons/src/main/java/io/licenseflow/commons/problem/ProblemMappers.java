package io.licenseflow.commons.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every exception that leaves a resource becomes an RFC 9457 problem ({@link ExceptionProblems} decides which).
 * The types are listed because Quarkus maps some of them itself; naming them here makes this mapper win.
 */
public class ProblemMappers {

    @ServerExceptionMapper({Throwable.class, WebApplicationException.class, ValidationException.class, JacksonException.class,
            JsonParseException.class, JsonMappingException.class, MismatchedInputException.class, UnrecognizedPropertyException.class,
            UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class,
            ForbiddenException.class})
    public Response problem(Throwable e, HttpServerRequest request) {
        return ExceptionProblems.answer(e, request.method() + " " + request.path()).toResponse();
    }
}
