package dev.legalgen.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSONL export read back: what process tests check in the file a run leaves behind. */
public record Export(List<JsonNode> lines) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The newest export of dataset {@code legal-qa} when no {@code output} is given, relative to the run's directory. */
    public static final Path LATEST = Path.of("out", "legal-qa", "latest.jsonl");

    public static Export read(Path file) throws IOException {
        return new Export(Files.readAllLines(file).stream().map(JSON::readTree).toList());
    }

    public int size() {
        return lines.size();
    }

    /** The distinct values of a field over all lines. */
    public Set<String> distinct(String field) {
        return lines.stream().map(line -> line.get(field).asString()).collect(Collectors.toSet());
    }
}
