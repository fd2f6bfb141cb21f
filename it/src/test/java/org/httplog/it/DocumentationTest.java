package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.httplog.connect.clickhouse.ClickHouseSinkConfig;
import org.httplog.connect.converter.CapnProtoConverterConfig;
import org.httplog.connect.transforms.IpMask;
import org.junit.jupiter.api.Test;

/** Every option of every plugin has a row in the README's configuration tables, with its real default. */
class DocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void everyConfigKeyIsDocumentedWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("README.md"));
        List<String> problems = new java.util.ArrayList<>();
        check(readme, ClickHouseSinkConfig.CONFIG_DEF, problems);
        check(readme, CapnProtoConverterConfig.configDef(), problems);
        check(readme, IpMask.CONFIG_DEF, problems);
        assertEquals(List.of(), problems);
    }

    private static void check(String readme, ConfigDef def, List<String> problems) {
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            if (key.name.equals(ConverterConfig.TYPE_CONFIG)) {
                continue; // set by the worker, not by users
            }
            String documented = null;
            Matcher row = ROW.matcher(readme);
            while (row.find()) {
                if (row.group(1).equals(key.name)) {
                    documented = row.group(2).trim();
                }
            }
            if (documented == null) {
                problems.add(key.name + " has no row in README.md");
                continue;
            }
            String expected = expectedDefault(key);
            if (expected != null && !documented.equals(expected)) {
                problems.add(key.name + ": README says " + documented + ", default is " + expected);
            }
        }
    }

    private static String expectedDefault(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return null;
        }
        String value = key.defaultValue instanceof List<?> list ? String.join(",", list.stream()
                .map(String::valueOf).toList()) : String.valueOf(key.defaultValue);
        if (value.isEmpty()) {
            return "(empty)";
        }
        return value.matches("-?\\d+") ? value : "`" + value + "`";
    }
}
