package dev.legalgen.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Wire bodies of the Batch API (OpenAI-compatible, Groq's documented shapes); unknown fields are ignored. */
final class BatchWire {

    private BatchWire() {}

    /** {@code POST /files} answers the file object; only its id matters here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileObject(String id) {}

    /** The body of {@code POST /batches}. */
    record CreateBatch(
            @JsonProperty("input_file_id") String inputFileId,
            String endpoint,
            @JsonProperty("completion_window") String completionWindow) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RequestCounts(int total, int completed, int failed) {}

    /**
     * The batch object. {@code errors} is Groq's array of {@code {code, message, param, line}}, or OpenAI's list
     * object holding that array in {@code data}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BatchObject(
            String id,
            String status,
            @JsonProperty("input_file_id") String inputFileId,
            @JsonProperty("output_file_id") String outputFileId,
            @JsonProperty("error_file_id") String errorFileId,
            @JsonProperty("request_counts") RequestCounts requestCounts,
            JsonNode errors) {

        ProviderBatch toBatch() {
            RequestCounts counts = requestCounts == null ? new RequestCounts(0, 0, 0) : requestCounts;
            return new ProviderBatch(
                    id,
                    status,
                    inputFileId,
                    outputFileId,
                    errorFileId,
                    counts.total(),
                    counts.completed(),
                    counts.failed(),
                    errorSummary());
        }

        private String errorSummary() {
            JsonNode list = errors != null && errors.isObject() ? errors.path("data") : errors;
            if (list == null || !list.isArray() || list.isEmpty()) {
                return null;
            }
            List<String> each = new ArrayList<>();
            for (JsonNode error : list) {
                each.add(error.path("code").asString("") + ": "
                        + error.path("message").asString(""));
            }
            return String.join("; ", each);
        }
    }

    /** {@code GET /batches}: a page of batches, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BatchPage(
            List<BatchObject> data,
            @JsonProperty("has_more") boolean hasMore,
            @JsonProperty("last_id") String lastId) {

        List<BatchObject> batches() {
            return data == null ? List.of() : data;
        }
    }
}
