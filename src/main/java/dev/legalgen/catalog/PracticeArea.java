package dev.legalgen.catalog;

import java.util.List;
import java.util.Objects;

/** A practice area and its topics, in catalog order. */
public record PracticeArea(String name, List<String> topics) {

    public PracticeArea {
        Objects.requireNonNull(name, "name");
        topics = List.copyOf(topics);
        if (name.isBlank() || topics.isEmpty()) {
            throw new IllegalArgumentException("a practice area needs a name and at least one topic");
        }
    }
}
