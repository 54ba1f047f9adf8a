package dev.legalgen.generation;

import java.util.Optional;

/**
 * The last word on a sample that passed the content checks, from its caller: the job's processor records it in the
 * journal, or refuses it (a duplicate) with a reason the re-ask quotes to the model.
 */
@FunctionalInterface
public interface SampleAcceptance {

    /** Accepts without condition: a sample that is not stored (the REST API's single sample). */
    SampleAcceptance ALWAYS = sample -> Optional.empty();

    /** Empty when {@code sample} is accepted (and recorded); else why it was refused. */
    Optional<String> accept(LegalSample sample);
}
