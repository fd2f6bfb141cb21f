package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of {@code docker-compose.yml} without Docker: it parses, every mounted host
 * path exists (or is a jar that {@code mvn -B -DskipTests package} builds), the published ports, and
 * that topic, table, proxy and metrics addresses agree with {@code connect-config/}, the schema,
 * the Prometheus config and the Grafana provisioning.
 */
class ComposeFileTest {

    private static final Path REPO = Dashboards.repo();
    private static Map<String, Map<String, Object>> services;
    private static JsonNode connector;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Map<String, Object> root = new Yaml().load(Files.readString(REPO.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) root.get("services");
        connector = new ObjectMapper().readTree(REPO.resolve("connect-config/http-log-clickhouse-sink.json").toFile())
                .path("config");
    }

    @Test
    void everyServiceOfThePipelineIsThere() {
        assertEquals(Set.of("kafka", "connect", "clickhouse", "proxy", "producer", "register-connector", "kafka-ui",
                "prometheus", "grafana"), services.keySet());
    }

    @Test
    void everyMountedHostPathExistsOrIsBuiltByTheReadmeBuildCommand() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        assertTrue(readme.contains("mvn -B -DskipTests package"), "README's build command");
        String version = projectVersion();
        Set<String> modules = modules();
        List<String> problems = new ArrayList<>();
        for (var service : services.entrySet()) {
            for (String host : hostPaths(service.getValue())) {
                Path path = REPO.resolve(host).normalize();
                if (!path.startsWith(REPO)) {
                    problems.add(service.getKey() + ": " + host + " is outside the repository");
                } else if (host.contains("/target/")) {
                    String problem = buildOutputProblem(host, version, modules);
                    if (problem != null) {
                        problems.add(service.getKey() + ": " + problem);
                    }
                } else if (!Files.exists(path)) {
                    problems.add(service.getKey() + ": " + host + " does not exist");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void publishedPortsAreTheAssignmentsAndTheLocalStacks() {
        assertEquals(List.of("9092:9092"), ports("kafka"));
        assertEquals(List.of("8083:8083"), ports("connect"));
        assertEquals(List.of("8123:8123"), ports("clickhouse"));
        assertEquals(List.of("8124:8124"), ports("proxy"));
        assertEquals(List.of("4000:8080"), ports("kafka-ui"));
        assertEquals(List.of("9090:9090"), ports("prometheus"));
        assertEquals(List.of("3000:3000"), ports("grafana"));
        Map<String, String> grafana = environment("grafana");
        assertEquals("admin", grafana.get("GF_SECURITY_ADMIN_USER"));
        assertEquals("kafka", grafana.get("GF_SECURITY_ADMIN_PASSWORD"));
        assertTrue(grafana.get("GF_INSTALL_PLUGINS").contains("grafana-clickhouse-datasource"));
    }

    @Test
    void producerWritesTheTopicTheConnectorReads() {
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) services.get("producer").get("command");
        assertEquals(connector.path("topics").asText(), command.get(command.indexOf("--topic") + 1));
        assertEquals("kafka:29092", command.get(command.indexOf("--bootstrap-servers") + 1));
    }

    @Test
    void clickHouseGetsEverySchemaFileAndTheConnectorsTable() throws IOException {
        Set<String> mounted = new HashSet<>(hostPaths(services.get("clickhouse")));
        List<String> schemaFiles;
        try (Stream<Path> files = Stream.concat(Files.list(REPO.resolve("schema/clickhouse")),
                Files.list(REPO.resolve("schema/clickhouse/ttl")))) {
            schemaFiles = files.filter(f -> f.toString().endsWith(".sql"))
                    .map(f -> "./" + REPO.relativize(f).toString().replace('\\', '/')).toList();
        }
        assertEquals(Set.copyOf(schemaFiles), mounted, "every schema file, and nothing else, in initdb.d");
        String table = connector.path("clickhouse.table").asText();
        assertTrue(Files.readString(REPO.resolve("schema/clickhouse/http_log.sql"))
                .contains("CREATE TABLE IF NOT EXISTS " + table + "\n"), "the connector's table is the schema's");
        // initdb.d runs files in name order: the raw table first, TTL last
        List<String> targets = containerPaths(services.get("clickhouse"));
        assertEquals(targets.stream().sorted().toList(), targets, "mounted in name order");
        assertTrue(targets.get(0).endsWith("_http_log.sql") && targets.get(targets.size() - 1).endsWith("_ttl.sql"));
    }

    @Test
    void connectorReachesClickHouseOnlyThroughTheRateLimitedProxy() throws IOException {
        String url = connector.path("clickhouse.url").asText();
        assertEquals("http://localhost:8124", url, "the shipped config names the local stack's proxy");
        String script = Files.readString(REPO.resolve("compose/register-connector.sh"));
        assertTrue(script.contains("s#\"clickhouse.url\": \"" + url + "\"#\"clickhouse.url\": \"http://proxy:8124\"#"),
                "register-connector.sh rewrites exactly the shipped URL to the proxy service");
        assertTrue(Files.readString(REPO.resolve("connect-config/http-log-clickhouse-sink.json"))
                .contains("\"clickhouse.url\": \"" + url + "\""), "the sed pattern's spacing matches the file");
        String nginx = Files.readString(REPO.resolve("compose/nginx/nginx.conf")).lines()
                .map(line -> line.replaceFirst("#.*", "")).reduce("", (a, b) -> a + b + "\n");  // directives only
        assertTrue(nginx.contains("listen 8124;"));
        assertTrue(nginx.contains("rate=1r/m;"));
        assertTrue(nginx.contains("limit_req zone=ch;"));
        assertTrue(nginx.contains("server clickhouse:8123;"));
        assertFalse(nginx.contains("client_max_body_size"), "stock 1 MiB body limit");
        assertFalse(nginx.contains("burst"), "no burst");
    }

    @Test
    void workerLoadsThePluginFromItsPluginPath() throws IOException {
        Properties worker = new Properties();
        try (var in = Files.newBufferedReader(REPO.resolve("compose/connect/worker.properties"))) {
            worker.load(in);
        }
        String pluginPath = worker.getProperty("plugin.path");
        assertTrue(containerPaths(services.get("connect")).stream()
                .anyMatch(p -> p.startsWith(pluginPath + "/") && p.endsWith(".jar")), "plugin jar under " + pluginPath);
        assertEquals("kafka:29092", worker.getProperty("bootstrap.servers"));
        assertEquals("service_load", worker.getProperty("plugin.discovery"));
        Map<String, String> ui = environment("kafka-ui");
        assertEquals("http://connect:8083", ui.get("KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS"));
        assertEquals("kafka:29092", ui.get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS"));
    }

    @Test
    void prometheusScrapesTheAgentsWhereTheyListen() throws IOException {
        String config = Files.readString(REPO.resolve("prometheus/prometheus.yml"));
        for (String service : List.of("connect", "kafka")) {
            Matcher agent = Pattern.compile("-javaagent:(\\S+)=(\\d+):(\\S+)").matcher(environment(service).get("KAFKA_OPTS"));
            assertTrue(agent.find(), service + " runs the JMX exporter agent");
            assertTrue(config.contains("'" + service + ":" + agent.group(2) + "'"), service + " scraped on " + agent.group(2));
            assertTrue(containerPaths(services.get(service)).containsAll(List.of(agent.group(1), agent.group(3))),
                    service + ": agent jar and rules are mounted");
        }
        Map<String, Object> grafanaSources = new Yaml().load(
                Files.readString(REPO.resolve("grafana/provisioning/datasources/datasources.yml")));
        String text = grafanaSources.toString();
        assertTrue(text.contains("url=http://prometheus:9090"), text);
        assertTrue(text.contains("host=clickhouse") && text.contains("port=8123"), "Grafana reads ClickHouse directly: " + text);
    }

    // ---- helpers ----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static List<String> ports(String service) {
        return (List<String>) services.get(service).get("ports");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, String> result = new HashMap<>();
        ((Map<String, Object>) services.get(service).get("environment")).forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> volumes(Map<String, Object> service) {
        List<String[]> result = new ArrayList<>();
        for (Object volume : (List<Object>) service.getOrDefault("volumes", List.of())) {
            result.add(String.valueOf(volume).split(":"));
        }
        return result;
    }

    private static List<String> hostPaths(Map<String, Object> service) {
        return volumes(service).stream().map(v -> v[0]).filter(p -> p.startsWith("./")).toList();
    }

    private static List<String> containerPaths(Map<String, Object> service) {
        return volumes(service).stream().map(v -> v[1]).toList();
    }

    /** null when HOST is a jar the reactor's package phase writes, else why not. */
    private static String buildOutputProblem(String host, String version, Set<String> modules) throws IOException {
        Matcher m = Pattern.compile("\\./([a-z-]+)/target/([^/]+\\.jar)").matcher(host);
        if (!m.matches() || !modules.contains(m.group(1))) {
            return host + " is under target/ of no module";
        }
        String pom = Files.readString(REPO.resolve(m.group(1)).resolve("pom.xml"));
        Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
        if (!artifact.find()) {
            return m.group(1) + "/pom.xml has no artifactId";
        }
        String jar = m.group(2);
        boolean built = jar.equals(artifact.group(1) + "-" + version + ".jar")
                || (jar.equals(artifact.group(1) + "-" + version + "-all.jar") && pom.contains("<shadedClassifierName>all<"))
                || pom.contains("<destFileName>" + jar + "</destFileName>");
        return built ? null : host + " is not what " + m.group(1) + "/pom.xml builds (version " + version + ")";
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>httplog-clickhouse-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(REPO.resolve("pom.xml")));
        assertTrue(m.find(), "root pom version");
        return m.group(1);
    }

    private static Set<String> modules() throws IOException {
        Set<String> modules = new HashSet<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(REPO.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }
}
