package dev.legalgen.provider;

/**
 * What a run may spend: every call is booked at its worst case before it is sent and settled with what the provider
 * billed when it ends, so that calls in flight count against a budget before their bills arrive. Called from many
 * threads.
 */
public interface Spending {

    /** No budget and no record: a chain outside any run. */
    Spending UNLIMITED = new Spending() {
        @Override
        public Booking book(Route route, TokenUsage worstCase) {
            return Booking.NONE;
        }

        @Override
        public String refusal() {
            return null;
        }
    };

    /** Books a call of {@code route} that may be billed up to {@code worstCase}; null when that would pass the budget. */
    Booking book(Route route, TokenUsage worstCase);

    /** Why calls are no longer booked ("budget reached: …"), null while they are. */
    String refusal();

    /** One booked call; exactly one of its methods is called, once. */
    interface Booking {

        Booking NONE = new Booking() {
            @Override
            public void billed(Bill bill) {}

            @Override
            public void unbilled() {}
        };

        /** The provider answered and billed {@code bill} (an answer we could not use included). */
        void billed(Bill bill);

        /** The call was not sent, got no answer, or was answered with an error: nothing billed. */
        void unbilled();
    }
}
