package dev.legalgen.provider;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a model's text is a JSON object cut off before its end, as an answer stopped by its token budget is: read
 * by the parser, not guessed from the text, so prose or a complete but wrong object is not taken for one.
 */
final class TruncatedJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TruncatedJson() {}

    /** True when {@code text}, from its first {@code '{'}, ends inside the object. */
    static boolean isCutOff(String text) {
        int start = text == null ? -1 : text.indexOf('{');
        if (start < 0) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(text.substring(start))) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (depth == 0) {
                    return false; // the object closed: whatever is wrong with it, it is not cut off
                }
            }
            return true;
        } catch (UnexpectedEndOfInputException cutInsideAValue) {
            return true;
        } catch (JacksonException malformed) {
            return false;
        }
    }
}
