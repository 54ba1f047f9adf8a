package dev.legalgen.provider;

/**
 * One Batch API call as its failures name it ({@code POST /batches}), and what its 404 means, the one status whose
 * meaning differs between the calls: a batch or file gone ({@code missing}), or, for a call naming no object
 * ({@code missing} null), no Batch API at the base URL.
 */
record BatchCall(String method, String path, String missing) {

    static BatchCall upload() {
        return new BatchCall("POST", "/files", null);
    }

    static BatchCall create() {
        return new BatchCall(
                "POST",
                "/batches",
                "the input file is gone (files are kept 30 days) or was uploaded to another provider");
    }

    static BatchCall list() {
        return new BatchCall("GET", "/batches", null);
    }

    static BatchCall get(String batchId) {
        return new BatchCall("GET", "/batches/" + batchId, gone(batchId));
    }

    static BatchCall cancel(String batchId) {
        return new BatchCall("POST", "/batches/" + batchId + "/cancel", gone(batchId));
    }

    static BatchCall download(String fileId) {
        return new BatchCall(
                "GET",
                "/files/" + fileId + "/content",
                "the file is gone (files are kept 30 days) or belongs to another provider");
    }

    private static String gone(String batchId) {
        return "batch " + batchId + " is gone or was created on another provider: check the id and the provider"
                + " it was submitted to";
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
