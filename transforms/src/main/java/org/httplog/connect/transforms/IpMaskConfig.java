package org.httplog.connect.transforms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Configuration of {@link IpMask}; keys are given after {@code transforms.<alias>.}. */
public final class IpMaskConfig extends AbstractConfig {

    /** What the transform writes for a recognised address. */
    public enum Mode {
        /** The network prefix with the rest as {@code X}: anonymisation. */
        MASK,
        /** A keyed HMAC-SHA256 pseudonym of the whole address: pseudonymisation, still personal data. */
        HMAC
    }

    public static final String FIELDS_CONFIG = "fields";
    public static final String FIELDS_DEFAULT = "remoteAddr";
    private static final String FIELDS_DOC = "Fields that hold a client address (STRING), comma separated. "
            + "A dotted path reaches into nested structs or maps: client.address is the field address of the "
            + "struct in the field client. A field missing from a schemaless map is skipped; missing from a "
            + "struct's schema, or not a STRING, it is a DataException.";
    private static final String FIELDS_DISPLAY = "Address fields";

    public static final String REDACTION_CONFIG = "redaction";
    public static final String REDACTION_DEFAULT = "redacted";
    private static final String REDACTION_DOC = "What replaces a value (or list element) that is not a "
            + "recognised address: host names, legacy or ambiguous forms such as 1.2.3 or 0177.0.0.1, empty "
            + "strings, anything unparseable. Must not itself be an address.";
    private static final String REDACTION_DISPLAY = "Redaction value";

    public static final String IPV4_PREFIX_LENGTH_CONFIG = "ipv4.prefix.length";
    public static final int IPV4_PREFIX_LENGTH_DEFAULT = 24;
    private static final String IPV4_PREFIX_LENGTH_DOC = "Bits of an IPv4 address kept, in bits: 24 gives "
            + "1.2.3.X, 16 gives 1.2.X.X, 8 gives 1.X.X.X.";
    private static final String IPV4_PREFIX_LENGTH_DISPLAY = "IPv4 prefix kept (bits)";

    public static final String IPV6_PREFIX_LENGTH_CONFIG = "ipv6.prefix.length";
    public static final int IPV6_PREFIX_LENGTH_DEFAULT = 48;
    private static final String IPV6_PREFIX_LENGTH_DOC = "Bits of an IPv6 address kept, in bits, a multiple "
            + "of 16 from 16 to 112: 48 gives 2001:db8:85a3:X:X:X:X:X. Above 64 the kept part includes bits of "
            + "the interface identifier, which may come from the device's MAC address.";
    private static final String IPV6_PREFIX_LENGTH_DISPLAY = "IPv6 prefix kept (bits)";

    public static final String MODE_CONFIG = "mode";
    public static final String MODE_DEFAULT = Mode.MASK.name();
    private static final String MODE_DOC = "MASK (anonymise: keep the prefix, the rest becomes X) or HMAC "
            + "(pseudonymise: h: and 32 hex digits of HMAC-SHA256 of the whole address under hmac.key, so unique "
            + "clients can be counted; the result is still personal data under the GDPR). Case-insensitive.";
    private static final String MODE_DISPLAY = "Mode";

    public static final String HMAC_KEY_CONFIG = "hmac.key";
    public static final Password HMAC_KEY_DEFAULT = null;
    /** Shortest accepted key, in UTF-8 bytes. */
    public static final int HMAC_KEY_MIN_BYTES = 16;
    private static final String HMAC_KEY_DOC = "Secret key of the HMAC mode, required there (at least "
            + HMAC_KEY_MIN_BYTES + " bytes; use 32 random bytes, e.g. openssl rand -base64 32, through a config "
            + "provider such as ${file:...}). Keep it secret and rotate it; rotating changes every pseudonym.";
    private static final String HMAC_KEY_DISPLAY = "HMAC key";

    public static final ConfigDef CONFIG_DEF = buildConfigDef();

    private final List<String> fields;
    private final String redaction;
    private final int ipv4PrefixLength;
    private final int ipv6PrefixLength;
    private final Mode mode;
    private final Password hmacKey;

    public IpMaskConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props);
        this.fields = List.copyOf(getList(FIELDS_CONFIG));
        this.redaction = getString(REDACTION_CONFIG);
        this.ipv4PrefixLength = getInt(IPV4_PREFIX_LENGTH_CONFIG);
        this.ipv6PrefixLength = getInt(IPV6_PREFIX_LENGTH_CONFIG);
        this.mode = Mode.valueOf(getString(MODE_CONFIG).trim().toUpperCase(Locale.ROOT));
        this.hmacKey = getPassword(HMAC_KEY_CONFIG);
        if (mode == Mode.HMAC) {
            String key = hmacKey == null ? null : hmacKey.value();
            if (key == null || key.isEmpty()) {
                throw new ConfigException(HMAC_KEY_CONFIG + " is required when " + MODE_CONFIG + "=" + Mode.HMAC);
            }
            if (key.getBytes(StandardCharsets.UTF_8).length < HMAC_KEY_MIN_BYTES) {
                throw new ConfigException(HMAC_KEY_CONFIG + " is too short: at least " + HMAC_KEY_MIN_BYTES
                        + " bytes are required (use 32 random bytes)");
            }
        }
    }

    private static ConfigDef buildConfigDef() {
        String group = "IP mask";
        int order = 0;
        return new ConfigDef()
                .define(FIELDS_CONFIG, Type.LIST, FIELDS_DEFAULT, new FieldPathsValidator(), Importance.HIGH,
                        FIELDS_DOC, group, ++order, Width.LONG, FIELDS_DISPLAY)
                .define(REDACTION_CONFIG, Type.STRING, REDACTION_DEFAULT, new RedactionValidator(),
                        Importance.MEDIUM, REDACTION_DOC, group, ++order, Width.SHORT, REDACTION_DISPLAY)
                .define(IPV4_PREFIX_LENGTH_CONFIG, Type.INT, IPV4_PREFIX_LENGTH_DEFAULT,
                        new MultipleOf(8, 8, 24), Importance.MEDIUM, IPV4_PREFIX_LENGTH_DOC, group, ++order,
                        Width.SHORT, IPV4_PREFIX_LENGTH_DISPLAY)
                .define(IPV6_PREFIX_LENGTH_CONFIG, Type.INT, IPV6_PREFIX_LENGTH_DEFAULT,
                        new MultipleOf(16, 16, 112), Importance.MEDIUM, IPV6_PREFIX_LENGTH_DOC, group, ++order,
                        Width.SHORT, IPV6_PREFIX_LENGTH_DISPLAY)
                .define(MODE_CONFIG, Type.STRING, MODE_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in(Mode.MASK.name(), Mode.HMAC.name()),
                        Importance.MEDIUM, MODE_DOC, group, ++order, Width.SHORT, MODE_DISPLAY)
                .define(HMAC_KEY_CONFIG, Type.PASSWORD, HMAC_KEY_DEFAULT, Importance.MEDIUM, HMAC_KEY_DOC,
                        group, ++order, Width.MEDIUM, HMAC_KEY_DISPLAY);
    }

    /** The configured fields: names or dotted paths. */
    public List<String> fields() {
        return fields;
    }

    public String redaction() {
        return redaction;
    }

    public int ipv4PrefixLength() {
        return ipv4PrefixLength;
    }

    public int ipv6PrefixLength() {
        return ipv6PrefixLength;
    }

    public Mode mode() {
        return mode;
    }

    /** The HMAC key, or null when none is set. */
    public Password hmacKey() {
        return hmacKey;
    }

    /** The masker this configuration describes. */
    AddressMasker newMasker() {
        return mode == Mode.HMAC
                ? AddressMasker.pseudonymising(redaction, hmacKey.value())
                : new AddressMasker(redaction, ipv4PrefixLength, ipv6PrefixLength);
    }

    /** A non-empty list of non-empty dotted paths, none a prefix of another. */
    private static final class FieldPathsValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>) value;
            if (paths == null || paths.isEmpty()) {
                throw new ConfigException(name, value, "Name at least one field to mask");
            }
            List<String> seen = new ArrayList<>();
            for (String path : paths) {
                String trimmed = path == null ? "" : path.trim();
                if (trimmed.isEmpty() || trimmed.startsWith(".") || trimmed.endsWith(".") || trimmed.contains("..")) {
                    throw new ConfigException(name, value, "Every entry must be a field name or a dotted path "
                            + "of field names, without empty parts");
                }
                for (String other : seen) {
                    if (!other.equals(trimmed) && (other.startsWith(trimmed + ".") || trimmed.startsWith(other + "."))) {
                        throw new ConfigException(name, value, "'" + other + "' and '" + trimmed + "' overlap: a "
                                + "field to mask cannot also hold fields to mask");
                    }
                }
                seen.add(trimmed);
            }
        }

        @Override
        public String toString() {
            return "non-empty list of field names or dotted paths";
        }
    }

    /** The redaction value must not look like an address itself. */
    private static final class RedactionValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String redaction = (String) value;
            if (redaction == null) {
                throw new ConfigException(name, null, "Must not be null");
            }
            long[] bits = new long[2];
            int from = 0;
            while (from <= redaction.length()) {
                int comma = redaction.indexOf(',', from);
                int to = comma < 0 ? redaction.length() : comma;
                if (AddressParser.parse(redaction, from, to, bits) != AddressParser.NONE) {
                    throw new ConfigException(name + " must not be or contain an address");
                }
                from = to + 1;
            }
        }

        @Override
        public String toString() {
            return "any text that is not an address";
        }
    }

    /** An INT that is a multiple of {@code step} between {@code min} and {@code max}. */
    private static final class MultipleOf implements ConfigDef.Validator {
        private final int step;
        private final int min;
        private final int max;

        MultipleOf(int step, int min, int max) {
            this.step = step;
            this.min = min;
            this.max = max;
        }

        @Override
        public void ensureValid(String name, Object value) {
            Integer number = (Integer) value;
            if (number == null || number < min || number > max || number % step != 0) {
                throw new ConfigException(name, value, "Must be one of " + this);
            }
        }

        @Override
        public String toString() {
            StringBuilder values = new StringBuilder("[");
            for (int v = min; v <= max; v += step) {
                values.append(v == min ? "" : ", ").append(v);
            }
            return values.append(']').toString();
        }
    }
}
