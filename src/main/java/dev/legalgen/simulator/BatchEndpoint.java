package dev.legalgen.simulator;

/**
 * The calls of the Batch API, as they are counted, held and faulted: {@code POST /files}, {@code POST /batches},
 * {@code GET /batches/{id}}, {@code POST /batches/{id}/cancel}, {@code GET /files/{id}/content} and
 * {@code GET /batches}.
 */
public enum BatchEndpoint {
    UPLOAD,
    CREATE,
    POLL,
    CANCEL,
    DOWNLOAD,
    LIST
}
