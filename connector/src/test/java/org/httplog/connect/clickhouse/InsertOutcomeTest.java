package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsertOutcomeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "200 | '' | STORED",
        "503 | <html>503 Service Temporarily Unavailable</html> | THROTTLED",
        "429 | '' | THROTTLED",
        "413 | <html>413 Request Entity Too Large</html> | BODY_TOO_LARGE",
        "502 | <html>502 Bad Gateway</html> | TRANSIENT",
        "504 | '' | TRANSIENT",
        "500 | 'Code: 252, e.displayText() = DB::Exception: Too many parts' | TRANSIENT",
        "500 | 'Code: 27, e.displayText() = DB::Exception: Cannot parse input: (at row 3)' | ROW_REJECTED",
        "400 | 'Code: 27, e.displayText() = DB::Exception: Cannot parse input' | FATAL",
        "500 | 'Code: 16, e.displayText() = DB::Exception: No such column x in table' | FATAL",
        "404 | 'Code: 60, e.displayText() = DB::Exception: Table default.x doesn''t exist.' | FATAL",
        "401 | '' | FATAL",
        "403 | <html>403 Forbidden</html> | FATAL",
        "400 | 'Code: 62, e.displayText() = DB::Exception: Syntax error' | FATAL",
    })
    void classifiesAnswers(int status, String body, InsertOutcome expected) {
        assertEquals(expected, InsertOutcome.classify(new InsertResponse(status, body, null)));
    }

    @org.junit.jupiter.api.Test
    void onlyRefusalsBeforeTheRateLimitLeaveTheWindowUnspent() {
        assertEquals(java.util.Set.of(InsertOutcome.THROTTLED, InsertOutcome.BODY_TOO_LARGE),
                java.util.EnumSet.allOf(InsertOutcome.class).stream().filter(o -> !o.spendsWindow())
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @org.junit.jupiter.api.Test
    void readsTheRejectedRow() {
        assertEquals(17, InsertOutcome.rejectedRow("Code: 27, e.displayText() = DB::Exception: Cannot parse "
                + "input: expected , before: x: (at row 17)\n"));
        assertEquals(null, InsertOutcome.rejectedRow("Code: 27"));
    }
}
