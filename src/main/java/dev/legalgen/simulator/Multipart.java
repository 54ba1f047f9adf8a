package dev.legalgen.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fields of a {@code multipart/form-data} body, as an upload to {@code POST /v1/files} sends them. */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private Multipart() {}

    /** One field: {@code filename} is null for a plain (non-file) field. */
    record Part(String filename, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** The parts by field name, or null when the body is not multipart/form-data a client would send. */
    static Map<String, Part> parse(String contentType, byte[] body) {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !boundary.find()) {
            return null;
        }
        String token = boundary.group(1) != null ? boundary.group(1) : boundary.group(2);
        byte[] delimiter = ("--" + token).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + token).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        Map<String, Part> parts = new HashMap<>();
        while (at >= 0) {
            int after = at + delimiter.length;
            if (startsWith(body, after, new byte[] {'-', '-'})) {
                return parts; // the closing delimiter
            }
            if (!startsWith(body, after, CRLF)) {
                return null;
            }
            int headersEnd = indexOf(body, HEADERS_END, after);
            int next = headersEnd < 0 ? -1 : indexOf(body, nextDelimiter, headersEnd + HEADERS_END.length);
            if (next < 0) {
                return null;
            }
            int headersStart = after + CRLF.length;
            String headers = headersEnd > headersStart
                    ? new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8)
                    : "";
            Matcher name = NAME.matcher(headers);
            if (name.find()) {
                Matcher filename = FILENAME.matcher(headers);
                byte[] content = Arrays.copyOfRange(body, headersEnd + HEADERS_END.length, next);
                parts.put(name.group(1), new Part(filename.find() ? filename.group(1) : null, content));
            }
            at = next + CRLF.length;
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int from, byte[] prefix) {
        return from + prefix.length <= body.length
                && Arrays.equals(body, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] body, byte[] target, int from) {
        int last = body.length - target.length;
        for (int i = Math.max(0, from); i <= last; i++) {
            if (body[i] == target[0] && startsWith(body, i, target)) {
                return i;
            }
        }
        return -1;
    }
}
