package dev.legalgen.simulator;

/** The quotas a 429 can name, with the wording each dialect uses for them. */
enum Quota {
    RPM(
            "requests per minute (RPM)",
            "requests",
            "Requests per minute limit exceeded - too many requests sent.",
            "too_many_requests_error",
            "request_quota_exceeded"),
    TPM(
            "tokens per minute (TPM)",
            "tokens",
            "Tokens per minute limit exceeded - too many tokens processed.",
            "too_many_tokens_error",
            "token_quota_exceeded"),
    // Cerebras' request-per-day wording was not found; it mirrors the per-minute one (inferred).
    RPD(
            "requests per day (RPD)",
            "requests",
            "Requests per day limit exceeded - too many requests sent.",
            "too_many_requests_error",
            "request_quota_exceeded"),
    TPD(
            "tokens per day (TPD)",
            "tokens",
            "Tokens per day limit exceeded - too many tokens processed.",
            "too_many_tokens_error",
            "token_quota_exceeded");

    final String groqName;
    final String groqType;
    final String cerebrasMessage;
    final String cerebrasType;
    final String cerebrasCode;

    Quota(String groqName, String groqType, String cerebrasMessage, String cerebrasType, String cerebrasCode) {
        this.groqName = groqName;
        this.groqType = groqType;
        this.cerebrasMessage = cerebrasMessage;
        this.cerebrasType = cerebrasType;
        this.cerebrasCode = cerebrasCode;
    }
}
