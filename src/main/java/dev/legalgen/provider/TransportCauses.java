package dev.legalgen.provider;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * What went wrong on the wire, in words, for a call that got no answer. The transport's own messages do not
 * say it: the JDK's refused connection has none (Spring's wrapper then ends in {@code ": null"}), and its
 * cause is a {@code ClosedChannelException}. ({@link FailureClassifier} decides the category from the same
 * chain; this only words it.)
 */
final class TransportCauses {

    private TransportCauses() {}

    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "connect timed out"; // checked before HttpTimeoutException, which it extends
            }
            if (cause instanceof HttpTimeoutException) {
                return "request timed out";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host" + (cause.getMessage() == null ? "" : " " + cause.getMessage());
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof ConnectException) {
                return "connection refused"; // nothing listens there (the JDK gives it no message)
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof EOFException) {
                return "the connection closed before an answer";
            }
            if (cause instanceof SocketException && cause.getMessage() != null) {
                return cause.getMessage().toLowerCase(Locale.ROOT); // e.g. "connection reset"
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof IOException && cause.getMessage() != null) {
                return cause.getMessage(); // e.g. the JDK's "HTTP/1.1 header parser received no bytes"
            }
        }
        return innermost(failure).getClass().getSimpleName();
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static Throwable innermost(Throwable failure) {
        Throwable root = failure;
        while (next(root) != null) {
            root = next(root);
        }
        return root;
    }
}
