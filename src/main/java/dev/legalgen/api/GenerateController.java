package dev.legalgen.api;

import dev.legalgen.export.SampleJson;
import dev.legalgen.operations.Executions;
import dev.legalgen.store.SampleFilter;
import dev.legalgen.store.SampleStore;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
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
    /** How many samples match the filters of {@code GET /api/samples}, beside the page it answers. */
    static final String TOTAL_COUNT = "X-Total-Count";

    private final SampleGenerator generator;
    private final SampleStore samples;
    private final Executions executions;

    GenerateController(SampleGenerator generator, SampleStore samples, Executions executions) {
        this.generator = generator;
        this.samples = samples;
        this.executions = executions;
    }

    @PostMapping("/api/generate")
    GenerateResponse generate(@RequestBody GenerateRequest request) {
        return generator.generate(request);
    }

    /**
     * Newest first, across all instances or of one execution's instance, with optional filters; the header
     * {@code X-Total-Count} says how many match, for paging.
     */
    @GetMapping("/api/samples")
    ResponseEntity<List<SampleJson>> samples(
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(name = "execution_id", required = false) Long executionId,
            @RequestParam(name = "practice_area", required = false) String practiceArea,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String difficulty,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String model,
            @RequestParam(name = "citation_check", required = false) String citationCheck) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", limit + " is out of range; allowed: 1 to " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset", offset + " must be 0 or more");
        }
        SampleQuery query =
                new SampleQuery(executionId, practiceArea, topic, difficulty, provider, model, citationCheck);
        SampleFilter filter = query.filter(
                executionId == null
                        ? null
                        : executions
                                .find(String.valueOf(executionId))
                                .getJobInstance()
                                .getInstanceId());
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, String.valueOf(samples.count(filter)))
                .body(samples.find(filter, limit, offset).stream()
                        .map(SampleJson::of)
                        .toList());
    }
}
