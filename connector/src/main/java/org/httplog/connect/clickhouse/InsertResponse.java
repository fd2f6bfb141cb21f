package org.httplog.connect.clickhouse;

import java.time.Duration;

/**
 * What the proxy or ClickHouse answered to one insert request.
 *
 * @param status     the HTTP status
 * @param body       the start of the response body (ClickHouse puts its error there), at most a few KiB
 * @param retryAfter the {@code Retry-After} delay when the answer carried one in seconds, else null
 */
record InsertResponse(int status, String body, Duration retryAfter) {
}
