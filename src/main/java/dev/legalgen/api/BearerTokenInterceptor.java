package dev.legalgen.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Mutating requests (POST) need {@code Authorization: Bearer <legalgen.api.token>} when a token is
 * configured. Reads stay open: the server binds to loopback by default. The token is never logged.
 */
class BearerTokenInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final ApiSettings settings;

    BearerTokenInterceptor(ApiSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!settings.tokenRequired() || !HttpMethod.POST.matches(request.getMethod())) {
            return true;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (bearer && settings.accepts(header.substring(BEARER.length()))) {
            return true;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        throw new ApiException(
                HttpStatus.UNAUTHORIZED,
                null,
                header == null
                        ? "this endpoint needs the header Authorization: Bearer <token> (legalgen.api.token is set)"
                        : "the bearer token is not the configured legalgen.api.token");
    }
}
