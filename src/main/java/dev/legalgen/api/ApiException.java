package dev.legalgen.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses: the status, the request field at fault (or null), and what to do about it. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    ApiException(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    static ApiException badRequest(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, field + ": " + detail);
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }
}
