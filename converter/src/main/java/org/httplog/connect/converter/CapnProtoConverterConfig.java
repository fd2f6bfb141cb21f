package org.httplog.connect.converter;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.storage.ConverterConfig;

/** Configuration of {@link CapnProtoConverter}; keys are given without the {@code value.converter.} prefix. */
public final class CapnProtoConverterConfig extends ConverterConfig {

    public static final String FRAMING_CONFIG = "framing";
    public static final String FRAMING_DEFAULT = Framing.UNPACKED.name();
    private static final String FRAMING_DOC = "How each Kafka record frames its Cap'n Proto message: "
            + "UNPACKED (the standard segment table, as written by 'capnp encode' and Serialize.write) "
            + "or PACKED (the packed encoding, 'capnp encode --packed').";
    private static final String FRAMING_DISPLAY = "Framing";

    public static final String MAX_MESSAGE_BYTES_CONFIG = "max.message.bytes";
    public static final int MAX_MESSAGE_BYTES_DEFAULT = 1024 * 1024;
    private static final String MAX_MESSAGE_BYTES_DOC = "Largest serialized message accepted, in bytes. "
            + "A larger record is rejected with a DataException (dead-letter queue when errors.tolerance=all).";
    private static final String MAX_MESSAGE_BYTES_DISPLAY = "Maximum message size (bytes)";

    public static final String TRAVERSAL_LIMIT_WORDS_CONFIG = "traversal.limit.words";
    public static final long TRAVERSAL_LIMIT_WORDS_DEFAULT = 128 * 1024;
    private static final String TRAVERSAL_LIMIT_WORDS_DOC = "Most 8-byte words the decoder may visit in one "
            + "message, the guard against pointer amplification. A message that needs more is rejected.";
    private static final String TRAVERSAL_LIMIT_WORDS_DISPLAY = "Traversal limit (words)";

    public static final String NESTING_LIMIT_CONFIG = "nesting.limit";
    public static final int NESTING_LIMIT_DEFAULT = 64;
    private static final String NESTING_LIMIT_DOC = "Deepest pointer nesting the decoder follows.";
    private static final String NESTING_LIMIT_DISPLAY = "Nesting limit";

    private static final ConfigDef CONFIG = buildConfigDef();

    private final Framing framing;
    private final int maxMessageBytes;
    private final long traversalLimitWords;
    private final int nestingLimit;

    public CapnProtoConverterConfig(Map<String, ?> props) {
        super(CONFIG, props);
        this.framing = Framing.valueOf(getString(FRAMING_CONFIG).toUpperCase(Locale.ROOT));
        this.maxMessageBytes = getInt(MAX_MESSAGE_BYTES_CONFIG);
        this.traversalLimitWords = getLong(TRAVERSAL_LIMIT_WORDS_CONFIG);
        this.nestingLimit = getInt(NESTING_LIMIT_CONFIG);
    }

    /** The definition of every key, as the worker shows it. */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    private static ConfigDef buildConfigDef() {
        String group = "Cap'n Proto";
        int order = 0;
        return ConverterConfig.newConfigDef()
                .define(FRAMING_CONFIG, Type.STRING, FRAMING_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in(Framing.UNPACKED.name(), Framing.PACKED.name()),
                        Importance.MEDIUM, FRAMING_DOC, group, ++order, Width.SHORT, FRAMING_DISPLAY)
                .define(MAX_MESSAGE_BYTES_CONFIG, Type.INT, MAX_MESSAGE_BYTES_DEFAULT, Range.atLeast(8),
                        Importance.LOW, MAX_MESSAGE_BYTES_DOC, group, ++order, Width.SHORT,
                        MAX_MESSAGE_BYTES_DISPLAY)
                .define(TRAVERSAL_LIMIT_WORDS_CONFIG, Type.LONG, TRAVERSAL_LIMIT_WORDS_DEFAULT, Range.atLeast(1),
                        Importance.LOW, TRAVERSAL_LIMIT_WORDS_DOC, group, ++order, Width.SHORT,
                        TRAVERSAL_LIMIT_WORDS_DISPLAY)
                .define(NESTING_LIMIT_CONFIG, Type.INT, NESTING_LIMIT_DEFAULT, Range.between(1, 1024),
                        Importance.LOW, NESTING_LIMIT_DOC, group, ++order, Width.SHORT, NESTING_LIMIT_DISPLAY);
    }

    public Framing framing() {
        return framing;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public long traversalLimitWords() {
        return traversalLimitWords;
    }

    public int nestingLimit() {
        return nestingLimit;
    }
}
