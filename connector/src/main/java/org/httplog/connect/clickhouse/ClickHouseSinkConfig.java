package org.httplog.connect.clickhouse;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** Configuration of {@link ClickHouseSinkConnector} and its tasks. */
public final class ClickHouseSinkConfig extends AbstractConfig {

    private static final String CONNECTION_GROUP = "ClickHouse connection";
    private static final String BUDGET_GROUP = "Request budget";
    private static final String BUFFER_GROUP = "Buffering";
    private static final String TLS_GROUP = "TLS";

    public static final String CLICKHOUSE_URL_CONFIG = "clickhouse.url";
    private static final String CLICKHOUSE_URL_DOC = "Base URL of the ClickHouse HTTP interface as the sink "
            + "must reach it: the rate-limited proxy, e.g. http://proxy:8124. http or https.";
    private static final String CLICKHOUSE_URL_DISPLAY = "ClickHouse (proxy) URL";

    public static final String CLICKHOUSE_DATABASE_CONFIG = "clickhouse.database";
    public static final String CLICKHOUSE_DATABASE_DEFAULT = "default";
    private static final String CLICKHOUSE_DATABASE_DOC = "Database that holds the table.";
    private static final String CLICKHOUSE_DATABASE_DISPLAY = "Database";

    public static final String CLICKHOUSE_TABLE_CONFIG = "clickhouse.table";
    public static final String CLICKHOUSE_TABLE_DEFAULT = "http_log";
    private static final String CLICKHOUSE_TABLE_DOC = "Table the rows are inserted into. It must have the "
            + "columns of schema/clickhouse/http_log.sql.";
    private static final String CLICKHOUSE_TABLE_DISPLAY = "Table";

    public static final String CLICKHOUSE_USER_CONFIG = "clickhouse.user";
    public static final String CLICKHOUSE_USER_DEFAULT = "";
    private static final String CLICKHOUSE_USER_DOC = "ClickHouse user, sent with HTTP basic authentication. "
            + "Empty: no credentials are sent (ClickHouse then uses its 'default' user).";
    private static final String CLICKHOUSE_USER_DISPLAY = "User";

    public static final String CLICKHOUSE_PASSWORD_CONFIG = "clickhouse.password";
    private static final String CLICKHOUSE_PASSWORD_DOC = "Password of clickhouse.user. Use a config provider "
            + "such as ${file:/path:key} to keep it out of the connector config.";
    private static final String CLICKHOUSE_PASSWORD_DISPLAY = "Password";

    public static final String TRUSTSTORE_LOCATION_CONFIG = "clickhouse.ssl.truststore.location";
    private static final String TRUSTSTORE_LOCATION_DOC = "Trust store for an https clickhouse.url whose "
            + "certificate the JVM's default trust store does not vouch for (a private CA). Empty: the JVM "
            + "defaults.";
    private static final String TRUSTSTORE_LOCATION_DISPLAY = "Trust store file";

    public static final String TRUSTSTORE_PASSWORD_CONFIG = "clickhouse.ssl.truststore.password";
    private static final String TRUSTSTORE_PASSWORD_DOC = "Password of the trust store, if it has one.";
    private static final String TRUSTSTORE_PASSWORD_DISPLAY = "Trust store password";

    public static final String TRUSTSTORE_TYPE_CONFIG = "clickhouse.ssl.truststore.type";
    public static final String TRUSTSTORE_TYPE_DEFAULT = "PKCS12";
    private static final String TRUSTSTORE_TYPE_DOC = "Format of the trust store: PKCS12 or JKS.";
    private static final String TRUSTSTORE_TYPE_DISPLAY = "Trust store type";

    public static final String INSERT_INTERVAL_MS_CONFIG = "insert.interval.ms";
    public static final long INSERT_INTERVAL_MS_DEFAULT = 60_000L;
    private static final String INSERT_INTERVAL_MS_DOC = "Least time between two requests the proxy accepted, "
            + "in milliseconds: the proxy's budget (60000 for 1 request/minute). The task sends at most one "
            + "insert per interval, from preCommit.";
    private static final String INSERT_INTERVAL_MS_DISPLAY = "Insert interval (ms)";

    public static final String RETRY_BACKOFF_MS_CONFIG = "insert.retry.backoff.ms";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 1_000L;
    private static final String RETRY_BACKOFF_MS_DOC = "Wait after a request the proxy refused for rate "
            + "(429/503; longer if Retry-After says so) or that could not reach it, before the same batch is "
            + "tried again, in milliseconds. Short, because such requests do not spend the proxy's window: the "
            + "sink uses the refusals to learn the proxy's real spacing. Nothing is dropped meanwhile.";
    private static final String RETRY_BACKOFF_MS_DISPLAY = "Retry back-off (ms)";

    public static final String REQUEST_MAX_BYTES_CONFIG = "request.max.bytes";
    public static final int REQUEST_MAX_BYTES_DEFAULT = 1024 * 1024;
    private static final String REQUEST_MAX_BYTES_DOC = "Largest request body the sink sends, in bytes. A stock "
            + "nginx refuses bodies over 1 MiB (client_max_body_size 1m). Rows that do not fit wait for the next "
            + "window; this limits the compressed body. On a 413 answer the sink halves it for the rest of the task's life.";
    private static final String REQUEST_MAX_BYTES_DISPLAY = "Request body limit (bytes)";

    public static final String COMPRESSION_CONFIG = "insert.compression";
    public static final String COMPRESSION_DEFAULT = Compression.ZSTD.name();
    private static final String COMPRESSION_DOC = "Compression of the request body: ZSTD (ClickHouse's own "
            + "compressed blocks, sent with decompress=1: the most rows per request), GZIP (Content-Encoding: "
            + "gzip) or NONE. request.max.bytes limits the compressed size.";
    private static final String COMPRESSION_DISPLAY = "Body compression";

    public static final String COMPRESSION_LEVEL_CONFIG = "insert.compression.level";
    public static final int COMPRESSION_LEVEL_DEFAULT = 0;
    private static final String COMPRESSION_LEVEL_DOC = "Compression level: 0 for the codec's default (ZSTD 15, "
            + "GZIP 9), else 1..22 for ZSTD, 1..9 for GZIP. Higher packs more rows per request for more CPU per "
            + "request (docs/benchmarks.md has the figures).";
    private static final String COMPRESSION_LEVEL_DISPLAY = "Compression level";

    public static final String FORMAT_CONFIG = "insert.format";
    public static final String FORMAT_DEFAULT = InsertFormat.NATIVE.name();
    private static final String FORMAT_DOC = "ClickHouse input format of the request body: NATIVE (column by "
            + "column, the most rows per request), ROW_BINARY, or JSON_EACH_ROW (readable; the only one where "
            + "ClickHouse names a row it refuses, so that row alone goes to the dead-letter queue).";
    private static final String FORMAT_DISPLAY = "Insert format";

    public static final String ROW_ORDER_CONFIG = "insert.row.order";
    public static final String ROW_ORDER_DEFAULT = RowOrder.TABLE_KEY.name();
    private static final String ROW_ORDER_DOC = "Order of the rows within a request: TABLE_KEY (by resource, "
            + "status, cache status, URL, time: similar rows side by side compress far better; ClickHouse sorts "
            + "every insert by the table key anyway) or ARRIVAL.";
    private static final String ROW_ORDER_DISPLAY = "Row order";

    public static final String BUFFER_MAX_BYTES_CONFIG = "buffer.max.bytes";
    public static final long BUFFER_MAX_BYTES_DEFAULT = 64L * 1024 * 1024;
    private static final String BUFFER_MAX_BYTES_DOC = "Bytes a task holds (sealed request bodies, "
            + "compressed, plus rows not yet sealed) before it pauses its partitions. Consumption resumes once an insert brings the buffer under half of it; "
            + "meanwhile the records wait in Kafka (consumer lag grows, the heap does not).";
    private static final String BUFFER_MAX_BYTES_DISPLAY = "Buffer limit (bytes)";

    public static final String HTTP_TIMEOUT_MS_CONFIG = "http.timeout.ms";
    public static final long HTTP_TIMEOUT_MS_DEFAULT = 60_000L;
    private static final String HTTP_TIMEOUT_MS_DOC = "Timeout of one insert request (connect, write and read), "
            + "in milliseconds. Keep it well under the worker's consumer max.poll.interval.ms.";
    private static final String HTTP_TIMEOUT_MS_DISPLAY = "HTTP timeout (ms)";

    /** A ClickHouse identifier the sink can put into a query unquoted. */
    private static final ConfigDef.Validator IDENTIFIER = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !((String) value).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigException(name, value, "Must be a plain identifier: letters, digits, underscore");
            }
        }

        @Override
        public String toString() {
            return "identifier [A-Za-z_][A-Za-z0-9_]*";
        }
    };

    public static final ConfigDef CONFIG_DEF = buildConfigDef();



    private final URI url;
    private final String database;
    private final String table;
    private final String user;
    private final Password password;
    private final Duration insertInterval;
    private final Duration retryBackoff;
    private final int requestMaxBytes;
    private final long bufferMaxBytes;
    private final Duration httpTimeout;
    private final Compression compression;
    private final int compressionLevel;
    private final InsertFormat format;
    private final RowOrder rowOrder;
    private final String truststoreLocation;
    private final Password truststorePassword;
    private final String truststoreType;

    public ClickHouseSinkConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props);
        this.url = URI.create(getString(CLICKHOUSE_URL_CONFIG));
        this.database = getString(CLICKHOUSE_DATABASE_CONFIG);
        this.table = getString(CLICKHOUSE_TABLE_CONFIG);
        this.user = getString(CLICKHOUSE_USER_CONFIG);
        this.password = getPassword(CLICKHOUSE_PASSWORD_CONFIG);
        this.insertInterval = Duration.ofMillis(getLong(INSERT_INTERVAL_MS_CONFIG));
        this.retryBackoff = Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG));
        this.requestMaxBytes = getInt(REQUEST_MAX_BYTES_CONFIG);
        this.bufferMaxBytes = getLong(BUFFER_MAX_BYTES_CONFIG);
        this.httpTimeout = Duration.ofMillis(getLong(HTTP_TIMEOUT_MS_CONFIG));
        this.compression = Compression.valueOf(getString(COMPRESSION_CONFIG).toUpperCase(java.util.Locale.ROOT));
        this.compressionLevel = getInt(COMPRESSION_LEVEL_CONFIG);
        String levelProblem = levelProblem(compression.name(), compressionLevel);
        if (levelProblem != null) {
            throw new ConfigException(COMPRESSION_LEVEL_CONFIG, compressionLevel, levelProblem);
        }
        this.format = InsertFormat.valueOf(getString(FORMAT_CONFIG).toUpperCase(java.util.Locale.ROOT));
        this.rowOrder = RowOrder.valueOf(getString(ROW_ORDER_CONFIG).toUpperCase(java.util.Locale.ROOT));
        this.truststoreLocation = getString(TRUSTSTORE_LOCATION_CONFIG);
        this.truststorePassword = getPassword(TRUSTSTORE_PASSWORD_CONFIG);
        this.truststoreType = getString(TRUSTSTORE_TYPE_CONFIG).toUpperCase(java.util.Locale.ROOT);
    }

    private static ConfigDef buildConfigDef() {
        int connection = 0;
        int budget = 0;
        int buffer = 0;
        return new ConfigDef()
                .define(CLICKHOUSE_URL_CONFIG, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new HttpUrlValidator(),
                        Importance.HIGH, CLICKHOUSE_URL_DOC, CONNECTION_GROUP, ++connection, Width.LONG,
                        CLICKHOUSE_URL_DISPLAY)
                .define(CLICKHOUSE_DATABASE_CONFIG, Type.STRING, CLICKHOUSE_DATABASE_DEFAULT, IDENTIFIER,
                        Importance.MEDIUM, CLICKHOUSE_DATABASE_DOC, CONNECTION_GROUP, ++connection, Width.MEDIUM,
                        CLICKHOUSE_DATABASE_DISPLAY)
                .define(CLICKHOUSE_TABLE_CONFIG, Type.STRING, CLICKHOUSE_TABLE_DEFAULT, IDENTIFIER,
                        Importance.HIGH, CLICKHOUSE_TABLE_DOC, CONNECTION_GROUP, ++connection, Width.MEDIUM,
                        CLICKHOUSE_TABLE_DISPLAY)
                .define(CLICKHOUSE_USER_CONFIG, Type.STRING, CLICKHOUSE_USER_DEFAULT, Importance.MEDIUM,
                        CLICKHOUSE_USER_DOC, CONNECTION_GROUP, ++connection, Width.MEDIUM, CLICKHOUSE_USER_DISPLAY)
                .define(CLICKHOUSE_PASSWORD_CONFIG, Type.PASSWORD, "", Importance.MEDIUM,
                        CLICKHOUSE_PASSWORD_DOC, CONNECTION_GROUP, ++connection, Width.MEDIUM,
                        CLICKHOUSE_PASSWORD_DISPLAY)
                .define(TRUSTSTORE_LOCATION_CONFIG, Type.STRING, "", Importance.LOW, TRUSTSTORE_LOCATION_DOC,
                        TLS_GROUP, 1, Width.LONG, TRUSTSTORE_LOCATION_DISPLAY)
                .define(TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, "", Importance.LOW, TRUSTSTORE_PASSWORD_DOC,
                        TLS_GROUP, 2, Width.MEDIUM, TRUSTSTORE_PASSWORD_DISPLAY)
                .define(TRUSTSTORE_TYPE_CONFIG, Type.STRING, TRUSTSTORE_TYPE_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS"), Importance.LOW, TRUSTSTORE_TYPE_DOC,
                        TLS_GROUP, 3, Width.SHORT, TRUSTSTORE_TYPE_DISPLAY)
                .define(HTTP_TIMEOUT_MS_CONFIG, Type.LONG, HTTP_TIMEOUT_MS_DEFAULT, Range.between(1_000L, 600_000L),
                        Importance.LOW, HTTP_TIMEOUT_MS_DOC, CONNECTION_GROUP, ++connection, Width.SHORT,
                        HTTP_TIMEOUT_MS_DISPLAY)
                .define(INSERT_INTERVAL_MS_CONFIG, Type.LONG, INSERT_INTERVAL_MS_DEFAULT, Range.atLeast(100L),
                        Importance.HIGH, INSERT_INTERVAL_MS_DOC, BUDGET_GROUP, ++budget, Width.SHORT,
                        INSERT_INTERVAL_MS_DISPLAY)
                .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, Range.atLeast(100L),
                        Importance.MEDIUM, RETRY_BACKOFF_MS_DOC, BUDGET_GROUP, ++budget, Width.SHORT,
                        RETRY_BACKOFF_MS_DISPLAY)
                .define(REQUEST_MAX_BYTES_CONFIG, Type.INT, REQUEST_MAX_BYTES_DEFAULT, Range.atLeast(1024),
                        Importance.HIGH, REQUEST_MAX_BYTES_DOC, BUDGET_GROUP, ++budget, Width.SHORT,
                        REQUEST_MAX_BYTES_DISPLAY)
                .define(COMPRESSION_CONFIG, Type.STRING, COMPRESSION_DEFAULT,
                        ConfigDef.CaseInsensitiveValidString.in(names(Compression.values())),
                        Importance.MEDIUM, COMPRESSION_DOC, BUDGET_GROUP, ++budget, Width.SHORT, COMPRESSION_DISPLAY)
                .define(COMPRESSION_LEVEL_CONFIG, Type.INT, COMPRESSION_LEVEL_DEFAULT, Range.between(0, 22),
                        Importance.LOW, COMPRESSION_LEVEL_DOC, BUDGET_GROUP, ++budget, Width.SHORT,
                        COMPRESSION_LEVEL_DISPLAY)
                .define(FORMAT_CONFIG, Type.STRING, FORMAT_DEFAULT, ConfigDef.CaseInsensitiveValidString.in(
                                names(InsertFormat.values())), Importance.MEDIUM, FORMAT_DOC, BUDGET_GROUP, ++budget,
                        Width.SHORT, FORMAT_DISPLAY)
                .define(ROW_ORDER_CONFIG, Type.STRING, ROW_ORDER_DEFAULT, ConfigDef.CaseInsensitiveValidString.in(
                                names(RowOrder.values())), Importance.LOW, ROW_ORDER_DOC, BUDGET_GROUP, ++budget,
                        Width.SHORT, ROW_ORDER_DISPLAY)
                .define(BUFFER_MAX_BYTES_CONFIG, Type.LONG, BUFFER_MAX_BYTES_DEFAULT, Range.atLeast(1024L),
                        Importance.MEDIUM, BUFFER_MAX_BYTES_DOC, BUFFER_GROUP, ++buffer, Width.SHORT,
                        BUFFER_MAX_BYTES_DISPLAY);
    }

    /** Why a level does not suit a codec, or null when it does. */
    static String levelProblem(String compression, int level) {
        Compression codec = Compression.valueOf(compression.toUpperCase(java.util.Locale.ROOT));
        if (level > codec.maxLevel()) {
            return codec.maxLevel() == 0 ? "Must be 0 with " + COMPRESSION_CONFIG + "=" + codec
                    : "Must be at most " + codec.maxLevel() + " with " + COMPRESSION_CONFIG + "=" + codec;
        }
        return null;
    }

    private static String[] names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static final class HttpUrlValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return; // ConfigDef itself reports the missing required key
            }
            try {
                URI uri = new URI((String) value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new ConfigException(name, value, "Must be an http:// or https:// URL with a host");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(name, value, "Not a URL: " + e.getReason());
            }
        }

        @Override
        public String toString() {
            return "http(s)://host[:port][/path]";
        }
    }

    public URI url() {
        return url;
    }

    public String database() {
        return database;
    }

    public String table() {
        return table;
    }

    public String user() {
        return user;
    }

    public Password password() {
        return password;
    }

    public Duration insertInterval() {
        return insertInterval;
    }

    public Duration retryBackoff() {
        return retryBackoff;
    }

    public int requestMaxBytes() {
        return requestMaxBytes;
    }

    public long bufferMaxBytes() {
        return bufferMaxBytes;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    Compression compression() {
        return compression;
    }

    int compressionLevel() {
        return compressionLevel;
    }

    InsertFormat format() {
        return format;
    }

    RowOrder rowOrder() {
        return rowOrder;
    }

    /** The trust store file, or empty for the JVM's default trust. */
    public String truststoreLocation() {
        return truststoreLocation;
    }

    public Password truststorePassword() {
        return truststorePassword;
    }

    public String truststoreType() {
        return truststoreType;
    }
}
