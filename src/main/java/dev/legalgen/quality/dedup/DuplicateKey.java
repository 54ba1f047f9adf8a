package dev.legalgen.quality.dedup;

/** The place a question claims: a plan slot of a job instance, within the dataset whose questions must differ. */
public record DuplicateKey(String dataset, long jobInstanceId, int slot) {

    public DuplicateKey {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("a duplicate key needs the dataset's name");
        }
    }

    boolean isSlot(long jobInstanceId, int slot) {
        return this.jobInstanceId == jobInstanceId && this.slot == slot;
    }
}
