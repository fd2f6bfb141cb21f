package org.httplog.connect.clickhouse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an insert attempt means for the batch, the budget and the task. This is the one place that
 * classifies answers; the task acts on the outcome only.
 */
enum InsertOutcome {
    /** ClickHouse stored every row of the batch. */
    STORED(true),
    /** The proxy (or ClickHouse) refused for rate: same batch, a later window. Not counted by nginx. */
    THROTTLED(false),
    /** The body was over the proxy's limit (413), refused before the rate limit: smaller batches, same rows. */
    BODY_TOO_LARGE(false),
    /** A server-side or gateway error after the rate limit let the request through: same batch, next window. */
    TRANSIENT(true),
    /** ClickHouse refused one row's data ({@code Code: N ... (at row K)}): that row to the dead-letter queue. */
    ROW_REJECTED(true),
    /** Needs a human (credentials, missing table, malformed request): the task fails, nothing is committed. */
    FATAL(true);

    static final int OK = 200;
    static final int TOO_MANY_REQUESTS = 429;
    static final int SERVICE_UNAVAILABLE = 503;
    static final int PAYLOAD_TOO_LARGE = 413;

    private static final Pattern CLICKHOUSE_CODE = Pattern.compile("^Code: (\\d+)");
    private static final Pattern AT_ROW = Pattern.compile("\\(at row (\\d+)\\)");

    /** ClickHouse error codes that say one row's data could not be parsed or does not fit its column. */
    private static final Set<Integer> DATA_ERROR_CODES = Set.of(
            6,   // CANNOT_PARSE_TEXT
            26,  // CANNOT_PARSE_QUOTED_STRING
            27,  // CANNOT_PARSE_INPUT_ASSERTION_FAILED
            38,  // CANNOT_PARSE_DATE
            41,  // CANNOT_PARSE_DATETIME
            69,  // ARGUMENT_OUT_OF_BOUND
            72,  // CANNOT_PARSE_NUMBER
            117  // INCORRECT_DATA
    );

    /** ClickHouse error codes that mean a request or configuration problem that retrying cannot fix. */
    private static final Set<Integer> FATAL_CLICKHOUSE_CODES = Set.of(
            16,  // NO_SUCH_COLUMN_IN_TABLE
            47,  // UNKNOWN_IDENTIFIER
            60,  // UNKNOWN_TABLE
            62,  // SYNTAX_ERROR
            73,  // UNKNOWN_FORMAT
            81,  // UNKNOWN_DATABASE
            164, // READONLY
            192, // UNKNOWN_USER
            193, // WRONG_PASSWORD
            497, // ACCESS_DENIED
            516  // AUTHENTICATION_FAILED
    );

    private final boolean spendsWindow;

    InsertOutcome(boolean spendsWindow) {
        this.spendsWindow = spendsWindow;
    }

    /** Whether the request got through the proxy's rate limit, so the window is used up. */
    boolean spendsWindow() {
        return spendsWindow;
    }

    static InsertOutcome classify(InsertResponse response) {
        int status = response.status();
        if (status == OK) {
            return STORED;
        }
        if (status == TOO_MANY_REQUESTS || status == SERVICE_UNAVAILABLE) {
            return THROTTLED;
        }
        if (status == PAYLOAD_TOO_LARGE) {
            return BODY_TOO_LARGE;
        }
        Integer code = clickHouseCode(response.body());
        if (code != null) {
            if (DATA_ERROR_CODES.contains(code)) {
                return rejectedRow(response.body()) != null ? ROW_REJECTED : FATAL;
            }
            return FATAL_CLICKHOUSE_CODES.contains(code) ? FATAL : TRANSIENT;
        }
        return status >= 500 ? TRANSIENT : FATAL;
    }

    /** The {@code Code: N} that starts a ClickHouse error body, or null. */
    static Integer clickHouseCode(String body) {
        Matcher matcher = CLICKHOUSE_CODE.matcher(body == null ? "" : body.stripLeading());
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** The 1-based row of the request body a ClickHouse error names with {@code (at row K)}, or null. */
    static Integer rejectedRow(String body) {
        Matcher matcher = AT_ROW.matcher(body == null ? "" : body);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
