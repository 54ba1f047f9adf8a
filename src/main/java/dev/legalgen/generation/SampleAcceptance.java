package dev.legalgen.generation;

import java.util.List;
import java.util.Optional;

/**
 * The caller's say on a sample: the last word on one that passed the content checks (the job's processor claims its
 * question and journals it, or refuses a duplicate with a reason the re-ask quotes to the model), and a hearing of
 * every generation that was rejected, for the counts.
 */
@FunctionalInterface
public interface SampleAcceptance {

    /** Accepts without condition: a sample that is not stored (the REST API's single sample). */
    SampleAcceptance ALWAYS = sample -> Optional.empty();

    /** Empty when {@code sample} is accepted (and recorded); else why it was refused, a duplicate. */
    Optional<Rejection> accept(LegalSample sample);

    /** {@code sample} was rejected for these reasons, and is asked for again when {@code reasked}, else given up. */
    default void rejected(LegalSample sample, List<Rejection> rejections, boolean reasked) {}
}
