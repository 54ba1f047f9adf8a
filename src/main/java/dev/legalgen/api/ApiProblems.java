package dev.legalgen.api;

import dev.legalgen.job.UsageException;
import dev.legalgen.operations.NoSuchExecutionException;
import dev.legalgen.provider.ProviderCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail ({@code application/problem+json}); a
 * {@code field} property names the request field at fault when there is one.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        return problem(e.status(), e.getMessage(), e.field());
    }

    @ExceptionHandler(UsageException.class)
    ResponseEntity<ProblemDetail> badParameters(UsageException e) {
        return problem(HttpStatus.BAD_REQUEST, ParameterFields.message(e), ParameterFields.field(e));
    }

    @ExceptionHandler(NoSuchExecutionException.class)
    ResponseEntity<ProblemDetail> noSuchExecution(NoSuchExecutionException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    /** The providers could not produce the sample: their failure, not the client's (messages hold no keys). */
    @ExceptionHandler(ProviderCallException.class)
    ResponseEntity<ProblemDetail> providerFailed(ProviderCallException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_GATEWAY, e.getMessage(), null);
        response.getBody().setProperty("category", e.category().label());
        return response;
    }

    /** Malformed JSON, a wrong type or an unknown field: named as the client wrote it (see {@link UnreadableBody}). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        UnreadableBody body = UnreadableBody.of(e.getCause());
        log.debug("Unreadable request body: {}", e.getMessage());
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, body.detail(), body.field())
                        .getBody());
    }

    /** A query parameter of the wrong kind ({@code execution_id=abc}): named, with the kind it must be. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName();
        String kind = e.getRequiredType() == null ? "another kind" : kindOf(e.getRequiredType());
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, field + " must be " + kind, field)
                        .getBody());
    }

    private static String kindOf(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == int.class || type == long.class
                ? "a whole number"
                : "a " + type.getSimpleName();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
