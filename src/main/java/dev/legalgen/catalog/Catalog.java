package dev.legalgen.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The practice areas and topics samples are generated for; the file format is in {@code catalog/legal-catalog.txt}. */
public final class Catalog {

    static final String BUILT_IN_RESOURCE = "catalog/legal-catalog.txt";

    private final List<PracticeArea> practiceAreas;

    Catalog(List<PracticeArea> practiceAreas) {
        this.practiceAreas = List.copyOf(practiceAreas);
    }

    /** The catalog shipped with the application. */
    public static Catalog builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** Reads a user's catalog file; throws {@link CatalogException} naming the file and line when it is unusable. */
    public static Catalog load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new CatalogException(
                    "catalog file '" + file + "' cannot be read (" + describe(e)
                            + "); check the path given in the catalog parameter and"
                            + " that the file is readable UTF-8 text",
                    e);
        }
        return new CatalogParser(file.toString()).parse(lines);
    }

    public List<PracticeArea> practiceAreas() {
        return practiceAreas;
    }

    /**
     * Finds an area by name, ignoring case and surrounding blanks, as the {@code practiceAreas} parameter is matched.
     */
    public Optional<PracticeArea> find(String name) {
        String key = normalize(name);
        return practiceAreas.stream()
                .filter(area -> normalize(area.name()).equals(key))
                .findFirst();
    }

    /** The area names joined for error messages: {@code Contract Law, Tort Law, ...}. */
    public String areaNames() {
        return practiceAreas.stream().map(PracticeArea::name).collect(Collectors.joining(", "));
    }

    static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        String kind = cause.getClass().getSimpleName();
        return switch (kind) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            case "MalformedInputException" -> "not UTF-8 text";
            default -> cause.getMessage() == null ? kind : kind + ": " + cause.getMessage();
        };
    }

    /** Parsed once, on first use; a broken built-in catalog is a packaging bug and fails loudly. */
    private static final class BuiltIn {
        static final Catalog INSTANCE = read();

        private static Catalog read() {
            try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) {
                    throw new CatalogException(
                            "built-in catalog resource '" + BUILT_IN_RESOURCE + "' is missing from the classpath");
                }
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
                return new CatalogParser("built-in " + BUILT_IN_RESOURCE).parse(lines);
            } catch (IOException e) {
                throw new CatalogException("built-in catalog resource '" + BUILT_IN_RESOURCE + "' cannot be read", e);
            }
        }
    }
}
