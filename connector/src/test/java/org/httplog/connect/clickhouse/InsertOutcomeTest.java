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
        "500 | 'Code: 27, e.displayText() = DB::Exception: Cannot parse input: (at row 3)' | FATAL",
        "404 | 'Code: 60, e.displayText() = DB::Exception: Table default.x doesn''t exist.' | FATAL",
        "401 | '' | FATAL",
        "403 | <html>403 Forbidden</html> | FATAL",
        "400 | 'Code: 62, e.displayText() = DB::Exception: Syntax error' | FATAL",
    })
    void classifiesAnswers(int status, String body, InsertOutcome expected) {
        assertEquals(expected, InsertOutcome.classify(new InsertResponse(status, body, null)));
    }
}
