package org.httplog.connect.clickhouse;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * Rules between keys, checked by {@link ClickHouseSinkConnector#validate} after every key has passed
 * its own validator, so {@code PUT /connector-plugins/.../config/validate} shows them key by key.
 */
final class ConfigRules {

    private ConfigRules() {
    }

    static Config check(Config config) {
        Map<String, ConfigValue> values = config.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity(), (a, b) -> a));
        if (values.values().stream().anyMatch(v -> !v.errorMessages().isEmpty())) {
            return config;
        }
        long interval = number(values, ClickHouseSinkConfig.INSERT_INTERVAL_MS_CONFIG);
        long backoff = number(values, ClickHouseSinkConfig.RETRY_BACKOFF_MS_CONFIG);
        if (backoff >= interval) {
            error(values, ClickHouseSinkConfig.RETRY_BACKOFF_MS_CONFIG, "Must be shorter than "
                    + ClickHouseSinkConfig.INSERT_INTERVAL_MS_CONFIG + " (" + interval + " ms): the back-off is for "
                    + "probing the proxy between windows");
        }
        long requestMax = number(values, ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG);
        long bufferMax = number(values, ClickHouseSinkConfig.BUFFER_MAX_BYTES_CONFIG);
        if (bufferMax < requestMax) {
            error(values, ClickHouseSinkConfig.BUFFER_MAX_BYTES_CONFIG, "Must be at least "
                    + ClickHouseSinkConfig.REQUEST_MAX_BYTES_CONFIG + " (" + requestMax + "), or no request is ever full");
        }
        String levelProblem = ClickHouseSinkConfig.levelProblem(
                String.valueOf(values.get(ClickHouseSinkConfig.COMPRESSION_CONFIG).value()),
                (int) number(values, ClickHouseSinkConfig.COMPRESSION_LEVEL_CONFIG));
        if (levelProblem != null) {
            error(values, ClickHouseSinkConfig.COMPRESSION_LEVEL_CONFIG, levelProblem);
        }
        String user = (String) values.get(ClickHouseSinkConfig.CLICKHOUSE_USER_CONFIG).value();
        Password password = (Password) values.get(ClickHouseSinkConfig.CLICKHOUSE_PASSWORD_CONFIG).value();
        if ((user == null || user.isEmpty()) && password != null && !password.value().isEmpty()) {
            error(values, ClickHouseSinkConfig.CLICKHOUSE_USER_CONFIG, "Set the user whose password "
                    + ClickHouseSinkConfig.CLICKHOUSE_PASSWORD_CONFIG + " is");
        }
        String url = String.valueOf(values.get(ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG).value());
        String truststore = (String) values.get(ClickHouseSinkConfig.TRUSTSTORE_LOCATION_CONFIG).value();
        if (truststore != null && !truststore.isEmpty() && !url.startsWith("https://")) {
            error(values, ClickHouseSinkConfig.TRUSTSTORE_LOCATION_CONFIG, "Only used with an https "
                    + ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG);
        }
        return config;
    }

    private static long number(Map<String, ConfigValue> values, String key) {
        return ((Number) values.get(key).value()).longValue();
    }

    private static void error(Map<String, ConfigValue> values, String key, String message) {
        values.get(key).addErrorMessage(message);
    }

    /** Every error message of a validated config, as {@code key: message}. */
    static List<String> errors(Config config) {
        return config.configValues().stream()
                .flatMap(v -> v.errorMessages().stream().map(m -> v.name() + ": " + m))
                .toList();
    }
}
