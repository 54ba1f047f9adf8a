package dev.legalgen.api;

import dev.legalgen.export.SampleJson;
import dev.legalgen.store.SampleStore;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One sample now ({@code POST /api/generate}) and the stored samples ({@code GET /api/samples}). */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GenerateController {

    static final int MAX_LIMIT = 500;

    private final SampleGenerator generator;
    private final SampleStore samples;

    GenerateController(SampleGenerator generator, SampleStore samples) {
        this.generator = generator;
        this.samples = samples;
    }

    @PostMapping("/api/generate")
    GenerateResponse generate(@RequestBody GenerateRequest request) {
        return generator.generate(request);
    }

    /** Newest first, across all instances. */
    @GetMapping("/api/samples")
    List<SampleJson> samples(
            @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", limit + " is out of range; allowed: 1 to " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset", offset + " must be 0 or more");
        }
        return samples.latest(limit, offset).stream().map(SampleJson::of).toList();
    }
}
