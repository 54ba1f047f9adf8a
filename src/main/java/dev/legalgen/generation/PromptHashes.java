package dev.legalgen.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SHA-256 of each prompt resource the samples were asked with, for a dataset card to say which prompts made it. */
public final class PromptHashes {

    static final List<String> RESOURCES = List.of(
            "prompts/system.txt",
            "prompts/user.txt",
            "prompts/reask.txt",
            "prompts/difficulty-guidance.txt",
            "prompts/angles.txt",
            "prompts/sample-schema.json");

    private PromptHashes() {}

    /** Resource name to its hash in lower-case hex, in a fixed order. */
    public static Map<String, String> sha256() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String resource : RESOURCES) {
            try (InputStream in = PromptHashes.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                hashes.put(
                        resource,
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e); // every JDK has SHA-256
            }
        }
        return hashes;
    }
}
