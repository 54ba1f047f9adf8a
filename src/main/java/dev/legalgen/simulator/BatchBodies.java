package dev.legalgen.simulator;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The file and batch objects of the Batch API, in the field order of Groq's documented examples. */
final class BatchBodies {

    static final String ENDPOINT = ChatHandler.PATH;

    private final JsonMapper json;

    BatchBodies(JsonMapper json) {
        this.json = json;
    }

    byte[] file(StoredFiles.StoredFile file) {
        ObjectNode body = json.createObjectNode();
        body.put("id", file.id());
        body.put("object", "file");
        body.put("bytes", file.content().length);
        body.put("created_at", file.createdAt());
        body.put("filename", file.filename());
        body.put("purpose", file.purpose());
        return json.writeValueAsBytes(body);
    }

    byte[] batch(BatchView batch) {
        return json.writeValueAsBytes(batchObject(batch));
    }

    /** {@code GET /batches}: OpenAI's list object, as Groq's OpenAI-compatible API answers it (inferred). */
    byte[] list(List<BatchView> batches, boolean hasMore) {
        ObjectNode body = json.createObjectNode();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        batches.forEach(batch -> data.add(batchObject(batch)));
        body.put("first_id", batches.isEmpty() ? null : batches.get(0).spec().id());
        body.put(
                "last_id",
                batches.isEmpty()
                        ? null
                        : batches.get(batches.size() - 1).spec().id());
        body.put("has_more", hasMore);
        return json.writeValueAsBytes(body);
    }

    private ObjectNode batchObject(BatchView batch) {
        ObjectNode body = json.createObjectNode();
        body.put("id", batch.spec().id());
        body.put("object", "batch");
        body.put("endpoint", ENDPOINT);
        if (batch.validationFailure() == null) {
            body.putNull("errors");
        } else {
            // Groq's documented shape: an array of {code, message, param, line} (OpenAI's wraps it in a list object)
            body.putArray("errors")
                    .addObject()
                    .put("code", batch.validationFailure().code())
                    .put("message", batch.validationFailure().message())
                    .putNull("param")
                    .putNull("line");
        }
        body.put("input_file_id", batch.spec().inputFileId());
        body.put("completion_window", batch.spec().completionWindow());
        body.put("status", batch.status().wire());
        body.put("output_file_id", batch.outputFileId());
        body.put("error_file_id", batch.errorFileId());
        epochSeconds(body, "created_at", batch.spec().createdAt());
        epochSeconds(body, "in_progress_at", batch.inProgressAt());
        epochSeconds(body, "expires_at", batch.spec().expiresAt());
        epochSeconds(body, "finalizing_at", batch.finalizingAt());
        epochSeconds(body, "completed_at", batch.endedAs(BatchStatus.COMPLETED));
        epochSeconds(body, "failed_at", batch.endedAs(BatchStatus.FAILED));
        epochSeconds(body, "expired_at", batch.endedAs(BatchStatus.EXPIRED));
        epochSeconds(body, "cancelling_at", batch.cancellingAt());
        epochSeconds(body, "cancelled_at", batch.endedAs(BatchStatus.CANCELLED));
        body.putObject("request_counts")
                .put("total", batch.total())
                .put("completed", batch.completed())
                .put("failed", batch.failed());
        if (batch.spec().metadata() == null) {
            body.putNull("metadata");
        } else {
            body.set("metadata", batch.spec().metadata());
        }
        return body;
    }

    private static void epochSeconds(ObjectNode body, String field, Instant instant) {
        if (instant == null) {
            body.putNull(field);
        } else {
            body.put(field, instant.getEpochSecond());
        }
    }
}
