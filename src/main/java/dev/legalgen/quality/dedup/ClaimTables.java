package dev.legalgen.quality.dedup;

import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** The claims of {@code duplicate_claim} and their keys in {@code duplicate_claim_key}, in the caller's transaction. */
final class ClaimTables {

    /** An earlier claim found under one of a question's keys. */
    record Claim(DuplicateKey place, NormalisedQuestion question) {}

    // key_hash IN (...) is one seek per key on the keys' primary key, which leads with key_hash (V8); H2 reorders a
    // join from UNNEST(?) to scan the dataset's keys instead, and reads = ANY(?) as a scan too. The list is padded to
    // a multiple of PROBE_BATCH with its first key, so that the database sees few distinct statements.
    private static final int PROBE_BATCH = 16;
    private static final String CANDIDATES_BEFORE = "SELECT DISTINCT c.job_instance_id, c.slot, c.question"
            + " FROM duplicate_claim_key k"
            + " JOIN duplicate_claim c ON c.dataset_id = k.dataset_id AND c.job_instance_id = k.job_instance_id"
            + " AND c.slot = k.slot"
            + " WHERE k.key_hash IN (";
    private static final String CANDIDATES_AFTER =
            ") AND k.dataset_id = ? AND NOT (k.job_instance_id = ? AND k.slot = ?)"
                    + " ORDER BY c.job_instance_id, c.slot";
    private static final String CLAIM = " WHERE dataset_id = ? AND job_instance_id = ? AND slot = ?";
    private static final String INSERT_KEY =
            "INSERT INTO duplicate_claim_key (dataset_id, key_hash, job_instance_id, slot) VALUES (?, ?, ?, ?)";
    private static final String DELETE_KEY =
            "DELETE FROM duplicate_claim_key WHERE dataset_id = ? AND key_hash = ? AND job_instance_id = ? AND slot = ?";

    private final JdbcTemplate jdbc;

    ClaimTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The claims of the dataset stored under any of these keys but {@code key}'s own, in (instance, slot) order. */
    List<Claim> candidates(long datasetId, DuplicateKey key, long[] keys) {
        int probes = (keys.length + PROBE_BATCH - 1) / PROBE_BATCH * PROBE_BATCH; // never 0: there are 48 band keys
        String sql = CANDIDATES_BEFORE + String.join(", ", Collections.nCopies(probes, "?")) + CANDIDATES_AFTER;
        return jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    for (int i = 0; i < probes; i++) {
                        statement.setLong(i + 1, keys[i < keys.length ? i : 0]);
                    }
                    statement.setLong(probes + 1, datasetId);
                    statement.setLong(probes + 2, key.jobInstanceId());
                    statement.setInt(probes + 3, key.slot());
                    return statement;
                },
                (rs, row) -> new Claim(
                        new DuplicateKey(key.dataset(), rs.getLong(1), rs.getInt(2)),
                        NormalisedQuestion.stored(rs.getString(3))));
    }

    /** The question the slot holds, if any. */
    Optional<NormalisedQuestion> question(long datasetId, DuplicateKey key) {
        return jdbc
                .queryForList(
                        "SELECT question FROM duplicate_claim" + CLAIM,
                        String.class,
                        datasetId,
                        key.jobInstanceId(),
                        key.slot())
                .stream()
                .findFirst()
                .map(NormalisedQuestion::stored);
    }

    void insert(long datasetId, DuplicateKey key, NormalisedQuestion question, long[] keys) {
        jdbc.update(
                "INSERT INTO duplicate_claim (dataset_id, job_instance_id, slot, question) VALUES (?, ?, ?, ?)",
                datasetId,
                key.jobInstanceId(),
                key.slot(),
                question.text());
        eachKey(INSERT_KEY, datasetId, key.jobInstanceId(), key.slot(), keys);
    }

    /**
     * Drops every claim's keys and stores them again as {@link IndexKeys} computes them from the claim's question:
     * what a change to the keys' constants needs, since keys computed otherwise are never found again.
     */
    void rebuildKeys() {
        jdbc.update("DELETE FROM duplicate_claim_key");
        jdbc.query("SELECT dataset_id, job_instance_id, slot, question FROM duplicate_claim", (RowCallbackHandler)
                rs -> eachKey(
                        INSERT_KEY,
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        IndexKeys.of(NormalisedQuestion.stored(rs.getString(4))).stored()));
    }

    /** The slot's claim, stored under {@code oldKeys}, becomes {@code question}, stored under {@code keys}. */
    void replace(long datasetId, DuplicateKey key, long[] oldKeys, NormalisedQuestion question, long[] keys) {
        eachKey(DELETE_KEY, datasetId, key.jobInstanceId(), key.slot(), oldKeys);
        jdbc.update(
                "UPDATE duplicate_claim SET question = ?" + CLAIM,
                question.text(),
                datasetId,
                key.jobInstanceId(),
                key.slot());
        eachKey(INSERT_KEY, datasetId, key.jobInstanceId(), key.slot(), keys);
    }

    /**
     * Runs {@code sql} once per key. Deleting a claim's keys by their values (recomputed from its question) makes
     * every statement a seek on the primary key, with no second index on the slot.
     */
    private void eachKey(String sql, long datasetId, long jobInstanceId, int slot, long[] keys) {
        jdbc.batchUpdate(sql, LongStream.of(keys).boxed().toList(), keys.length, (ps, hash) -> {
            ps.setLong(1, datasetId);
            ps.setLong(2, hash);
            ps.setLong(3, jobInstanceId);
            ps.setInt(4, slot);
        });
    }
}
