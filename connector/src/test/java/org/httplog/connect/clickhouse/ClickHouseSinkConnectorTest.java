package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ClickHouseSinkConnectorTest {

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", ClickHouseSinkConnector.class.getName());
        props.put(ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG, "http://proxy:8124");
        return props;
    }

    private static List<String> errors(Map<String, String> props) {
        return ConfigRules.errors(new ClickHouseSinkConnector().validate(props));
    }

    @Test
    void theDefaultsWithAUrlAreValid() {
        assertEquals(List.of(), errors(valid()));
    }

    @Test
    void reportsBadKeysOneByOneWithMessages() {
        Map<String, String> props = valid();
        props.remove(ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG);
        props.put(ClickHouseSinkConfig.CLICKHOUSE_TABLE_CONFIG, "http log; DROP TABLE x");
        props.put(ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG, "12");
        List<String> errors = errors(props);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("clickhouse.url: Missing required")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("clickhouse.table: ")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("request.max.bytes: ")), errors.toString());
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        Map<String, String> props = valid();
        props.put(ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG, "ftp://proxy");
        assertEquals(1, errors(props).size());
    }

    @Test
    void checksRulesBetweenKeys() {
        Map<String, String> props = valid();
        props.put(ClickHouseSinkConfig.RETRY_BACKOFF_MS_CONFIG, "60000");
        props.put(ClickHouseSinkConfig.BUFFER_MAX_BYTES_CONFIG, "2048");
        props.put(ClickHouseSinkConfig.CLICKHOUSE_PASSWORD_CONFIG, "secret");
        props.put(ClickHouseSinkConfig.TRUSTSTORE_LOCATION_CONFIG, "/etc/ca.p12");
        List<String> errors = errors(props);
        assertEquals(List.of(
                "clickhouse.user: Set the user whose password clickhouse.password is",
                "clickhouse.ssl.truststore.location: Only used with an https clickhouse.url",
                "insert.retry.backoff.ms: Must be shorter than insert.interval.ms (60000 ms): the back-off is for "
                        + "probing the proxy between windows",
                "buffer.max.bytes: Must be at least request.max.bytes (1048576), or no request is ever full"),
                errors);
        assertTrue(errors.stream().noneMatch(e -> e.contains("secret")));
    }

    @Test
    void startRefusesAnInvalidConfigAndTaskConfigsNumberTheTasks() {
        Map<String, String> props = valid();
        props.put(ClickHouseSinkConfig.RETRY_BACKOFF_MS_CONFIG, "70000");
        assertThrows(ConfigException.class, () -> new ClickHouseSinkConnector().start(props));

        ClickHouseSinkConnector connector = new ClickHouseSinkConnector();
        connector.start(valid());
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertEquals(3, tasks.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(Integer.toString(i), tasks.get(i).get(ClickHouseSinkTask.TASK_INDEX));
            assertEquals("3", tasks.get(i).get(ClickHouseSinkTask.TASK_COUNT));
        }
    }
}
