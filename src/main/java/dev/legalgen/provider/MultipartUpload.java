package dev.legalgen.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The {@code multipart/form-data} body of {@code POST /files}: {@code purpose=batch} and the file, copied from
 * disk as it is sent, never held in memory (an input file may be 200 MB). Its length is known before it is sent,
 * so the request carries a {@code Content-Length} rather than chunks.
 */
record MultipartUpload(Path file, String filename, String boundary) {

    static MultipartUpload of(Path file, String filename) {
        return new MultipartUpload(file, filename, "legalgen-" + UUID.randomUUID());
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    long contentLength() throws IOException {
        return head().length + Files.size(file) + tail().length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(head());
        Files.copy(file, out);
        out.write(tail());
    }

    private byte[] head() {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + quoted(filename) + "\""
                        + "\r\nContent-Type: application/jsonl\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] tail() {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A filename cannot end its quotes or its header line early. */
    private static String quoted(String filename) {
        return filename.replaceAll("[\"\\\\\r\n]", "_");
    }
}
