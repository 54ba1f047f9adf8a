package dev.legalgen.simulator;

import java.time.Clock;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers one parsed chat request as a model would, wherever it arrived: the synchronous endpoint, which puts its
 * gate, latency and rate limits between these steps, or a batch line, which has none of them. A 200 is billed to
 * the {@link Bills} this instance was made with.
 */
final class ChatAnswers {

    private final Dialect dialect;
    private final Set<String> models;
    private final Set<String> modelsWithoutJsonSchema;
    private final Clock clock;
    private final JsonMapper json;
    private final ErrorCatalog errors;
    private final StatusFaults statusFaults;
    private final CompletionBodies bodies;
    private final SampleWriter samples;
    private final Repeats repeats;
    private final Bills bills;

    ChatAnswers(SimulatorConfig config, JsonMapper json, SampleWriter samples, Repeats repeats, Bills bills) {
        this.dialect = config.dialect();
        this.models = Set.copyOf(config.models());
        this.modelsWithoutJsonSchema = config.modelsWithoutJsonSchema();
        this.clock = config.clock();
        this.json = json;
        this.errors = new ErrorCatalog(dialect, json);
        this.statusFaults = new StatusFaults(dialect, errors);
        this.bodies = new CompletionBodies(dialect, json);
        this.samples = samples;
        this.repeats = repeats;
        this.bills = bills;
    }

    /** A reply and the request id it went out with; {@code usedTokens} is what a 200 used, 0 for an error. */
    record Answer(Reply reply, String requestId, int usedTokens) {}

    /** The prompt the model reads: every message's text, or nothing for a request without messages. */
    static String prompt(ChatRequest request) {
        return request == null || request.messages() == null ? "" : request.promptText();
    }

    /**
     * The whole answer, for a request with nothing between validation and the model (a batch line): the validation
     * 4xx, the reply of a scripted {@link Fault.Status}, or a sample shaped by {@code fault} (null for none).
     */
    Answer answer(ChatRequest request, Fault fault) {
        Reply refused = refusal(request);
        if (refused != null) {
            return new Answer(refused, newRequestId(), 0);
        }
        if (fault instanceof Fault.Status status) {
            return new Answer(failure(status, request.model()), newRequestId(), 0);
        }
        String prompt = prompt(request);
        return complete(request, prompt, PromptFacts.parse(prompt), fault);
    }

    /**
     * The 4xx a request ({@code null}: unparseable) earns before any model work, or null when it is acceptable.
     * Authentication is the caller's: a batch line is authenticated with its file. Messages are inferred.
     */
    Reply refusal(ChatRequest request) {
        if (request == null) {
            return errors.badRequest("We could not parse the JSON body of your request.");
        }
        if (request.messages() == null || request.messages().isEmpty()) {
            return errors.badRequest("'messages' : minimum number of items is 1");
        }
        if (request.model() == null || request.model().isBlank()) {
            return errors.badRequest("'model' : property 'model' is missing");
        }
        if (request.n() != null && request.n() != 1) {
            return errors.badRequest("'n' : number must be at most 1");
        }
        if (!models.contains(request.model())) {
            return errors.modelNotFound(request.model());
        }
        return request.asksForSchema() ? refusedSchema(request) : null;
    }

    /** The dialect's error reply for a scripted status. */
    Reply failure(Fault.Status fault, String model) {
        return statusFaults.reply(fault, model);
    }

    /** The 200 for an acceptable request, its sample shaped by {@code fault} (null or a content fault), billed. */
    Answer complete(ChatRequest request, String prompt, PromptFacts facts, Fault fault) {
        String model = request.model();
        SampleWriter.Sample sample = repeats.answer(samples.write(model, facts, prompt), fault);
        // a model stopped by its budget writes up to the budget and says so
        boolean cutOff = fault instanceof Fault.Truncated truncated && truncated.cuts(request.completionBudget());
        String content = cutOff ? SampleContent.cutOff(json, sample) : SampleContent.render(json, sample, fault);
        String requestId = newRequestId();
        int promptTokens = ChatRequest.estimateTokens(prompt);
        int reasoningTokens = Math.min(request.reasoningTokens(), request.completionBudget());
        int completionTokens = cutOff
                ? request.completionBudget()
                : Math.min(request.completionBudget(), reasoningTokens + ChatRequest.estimateTokens(content));
        bills.add(model, promptTokens, completionTokens, reasoningTokens);
        byte[] body = bodies.success(new CompletionBodies.Completion(
                model,
                content,
                cutOff ? "length" : "stop",
                promptTokens,
                completionTokens,
                reasoningTokens,
                clock.instant().getEpochSecond(),
                requestId));
        return new Answer(Reply.json(200, body), requestId, promptTokens + completionTokens);
    }

    /** The 400 a {@code json_schema} request earns (malformed, refused by the model, or unportable), or null. */
    private Reply refusedSchema(ChatRequest request) {
        ChatRequest.JsonSchema schema = request.responseFormat().jsonSchema();
        if (schema == null || schema.name() == null || schema.schema() == null) {
            // Cerebras answers a schema without a name with its validation 400 (observed); Groq's wording inferred
            return errors.badRequest("'response_format.json_schema' : properties 'name' and 'schema' are required");
        }
        if (modelsWithoutJsonSchema.contains(request.model())) {
            return errors.jsonSchemaUnsupported();
        }
        Set<String> unsupported = SchemaKeywords.unsupported(schema.schema());
        return unsupported.isEmpty() ? null : errors.unsupportedSchemaFields(unsupported);
    }

    private String newRequestId() {
        return WireFormats.groqRequestId(clock.millis());
    }
}
