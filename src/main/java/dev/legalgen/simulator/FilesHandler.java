package dev.legalgen.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/files} (a batch input file, multipart {@code purpose=batch} and {@code file}) and
 * {@code GET /v1/files/{id}/content} (any file's bytes: an input, or a batch's output or error file).
 */
final class FilesHandler implements HttpHandler {

    static final String PATH = "/v1/files";

    private static final Pattern CONTENT = Pattern.compile(PATH + "/([^/]+)/content");
    private static final String DEFAULT_FILENAME = "batch.jsonl";

    private final JsonMapper json;
    private final ErrorCatalog errors;
    private final BatchBodies bodies;
    private final StoredFiles files;
    private final BatchLog log;
    private final BatchCalls calls;

    FilesHandler(JsonMapper json, ErrorCatalog errors, StoredFiles files, BatchLog log, BatchCalls calls) {
        this.json = json;
        this.errors = errors;
        this.bodies = new BatchBodies(json);
        this.files = files;
        this.log = log;
        this.calls = calls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher content = CONTENT.matcher(path);
            if (PATH.equals(path) && "POST".equals(method)) {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                byte[] body = exchange.getRequestBody().readAllBytes();
                calls.serve(exchange, BatchEndpoint.UPLOAD, () -> upload(contentType, body));
            } else if (content.matches() && "GET".equals(method)) {
                exchange.getRequestBody().readAllBytes();
                calls.serve(exchange, BatchEndpoint.DOWNLOAD, () -> download(content.group(1)));
            } else {
                Responder.unrouted(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    private Reply upload(String contentType, byte[] body) {
        Map<String, Multipart.Part> parts = Multipart.parse(contentType, body);
        if (parts == null) {
            return errors.badRequest("Expected a multipart/form-data body with the fields 'purpose' and 'file'.");
        }
        Multipart.Part purpose = parts.get("purpose");
        if (purpose == null || !StoredFiles.INPUT.equals(purpose.text().strip())) {
            return errors.invalidField("'purpose' : the value must be 'batch'", "purpose");
        }
        Multipart.Part file = parts.get("file");
        if (file == null) {
            return errors.invalidField("'file' : the field is required", "file");
        }
        BatchInput input;
        try {
            input = BatchInput.read(file.content(), json);
        } catch (BatchInput.Refused refused) {
            return errors.badBatchFile(refused);
        }
        String filename = file.filename() == null || file.filename().isBlank() ? DEFAULT_FILENAME : file.filename();
        StoredFiles.StoredFile stored = files.addInput(filename, file.content(), input);
        log.uploaded(input.customIds());
        return Reply.json(200, bodies.file(stored));
    }

    private Reply download(String id) {
        StoredFiles.StoredFile file = files.get(id);
        return file == null
                ? errors.noSuch("File", id)
                : new Reply(200, "application/octet-stream", file.content(), null);
    }
}
