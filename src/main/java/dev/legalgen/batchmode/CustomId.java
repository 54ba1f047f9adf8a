package dev.legalgen.batchmode;

/**
 * A batch line's {@code custom_id}: {@code <instance>-<slot>-<round>}, which names the slot it asks for and the round
 * (its attempt), so that results arriving in any order, even from a file of another run, are matched exactly.
 */
record CustomId(long jobInstanceId, int slot, int round) {

    @Override
    public String toString() {
        return jobInstanceId + "-" + slot + "-" + round;
    }

    /** Null for what is not a custom id of ours. */
    static CustomId parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("-", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new CustomId(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }
}
