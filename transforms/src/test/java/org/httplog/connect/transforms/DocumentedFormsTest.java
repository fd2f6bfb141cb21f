package org.httplog.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table "What each form becomes" in docs/ip-mask.md says what the masker does. */
class DocumentedFormsTest {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    @Test
    void everyRowOfTheDocumentedTableHolds() throws IOException {
        String doc = Files.readString(Path.of(System.getProperty("user.dir")).getParent()
                .resolve("docs/ip-mask.md"));
        String table = doc.substring(doc.indexOf("## What each form becomes"), doc.indexOf("### Decisions"));
        AddressMasker masker = new AddressMasker("redacted");
        int checked = 0;
        for (String line : table.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split(" \\| ");
            List<String> inputs = codeSpans(cells[0].substring(2));
            List<String> outputs = codeSpans(cells[1]);
            if (inputs == null || outputs == null || outputs.size() != 1) {
                continue; // a row described in words
            }
            for (String input : inputs) {
                assertEquals(outputs.get(0), masker.mask(input), line);
                checked++;
            }
        }
        assertTrue(checked >= 40, "rows checked: " + checked);
    }

    /** The code spans of a cell made only of code spans separated by ", ", else null. */
    private static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher code = CODE.matcher(cell.trim());
        StringBuilder rebuilt = new StringBuilder();
        while (code.find()) {
            spans.add(code.group(1));
            rebuilt.append(rebuilt.length() == 0 ? "" : ", ").append(code.group());
        }
        return rebuilt.toString().equals(cell.trim()) && !spans.isEmpty() ? spans : null;
    }
}
