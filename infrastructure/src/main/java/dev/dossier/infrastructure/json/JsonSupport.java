package dev.dossier.infrastructure.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dossier.domain.model.RawJson;

/**
 * The store's one Jackson configuration. Default typing is never enabled, so no file can name a class
 * to instantiate; duplicate keys are an error; nesting depth (read and write) and string length are bounded.
 */
public final class JsonSupport {
    /** Deepest nesting accepted in a payload or an event file. */
    public static final int MAX_NESTING_DEPTH = 200;

    private static final ObjectMapper MAPPER = create();
    /**
     * Two-space indentation, {@code "key": value} and {@code \n} line ends (whatever the platform's line
     * separator), as in every file the store writes for people.
     */
    public static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    private static final ObjectWriter PRETTY_WRITER = MAPPER.writer(PRETTY);
    private static final JsonFactory PAYLOAD_FACTORY = payloadFactory();

    private JsonSupport() {
    }

    /** The shared, thread-safe mapper. Callers must not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A factory (with the shared mapper as its codec) for parsing a stored payload on its own, with the
     * limits it has inside its envelope: one level of nesting less, so that a payload reads alike on its
     * own and within its event file.
     */
    public static JsonFactory storedPayloadFactory() {
        return PAYLOAD_FACTORY;
    }

    /** A writer that pretty-prints with {@link #PRETTY}. */
    public static ObjectWriter prettyWriter() {
        return PRETTY_WRITER;
    }

    private static JsonFactory payloadFactory() {
        JsonFactory factory = MAPPER.getFactory().copy();
        factory.setStreamReadConstraints(readConstraints(MAX_NESTING_DEPTH - 1));
        factory.setCodec(MAPPER);
        return factory;
    }

    private static StreamReadConstraints readConstraints(int depth) {
        return StreamReadConstraints.builder().maxNestingDepth(depth).maxStringLength(64 * 1024 * 1024).build();
    }

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(readConstraints(MAX_NESTING_DEPTH))
                .streamWriteConstraints(StreamWriteConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addMixIn(RawJson.class, RawJsonMixIn.class)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }
}
