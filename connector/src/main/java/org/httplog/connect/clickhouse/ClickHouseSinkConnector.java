package org.httplog.connect.clickhouse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.httplog.common.PluginVersion;

/**
 * Stores {@code HttpLogRecord}s in the ClickHouse table {@code http_log} through a rate-limited HTTP
 * proxy. The work is done by {@link ClickHouseSinkTask}; the connector only validates and hands out
 * the configuration.
 */
public class ClickHouseSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        List<String> errors = ConfigRules.errors(validate(props));
        if (!errors.isEmpty()) {
            throw new ConfigException("Invalid ClickHouse sink config: " + String.join("; ", errors));
        }
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ClickHouseSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(ClickHouseSinkTask.TASK_INDEX, Integer.toString(i));
            config.put(ClickHouseSinkTask.TASK_COUNT, Integer.toString(maxTasks));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return ConfigRules.check(super.validate(connectorConfigs));
    }

    @Override
    public ConfigDef config() {
        return ClickHouseSinkConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }
}
