package org.httplog.it;

import com.github.dockerjava.api.model.Ulimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The pipeline in containers on one Docker network: Kafka ({@value #KAFKA_IMAGE}, KRaft), a distributed
 * Connect worker of the same image with the built plugin jar in its plugin.path and the worker settings
 * of {@code compose/connect/worker.properties}, a current ClickHouse ({@value #CLICKHOUSE_IMAGE}) and
 * the nginx proxies ({@value #NGINX_IMAGE}, {@link ContainerProxyConfig}). Started once per JVM, on
 * first use, and stopped when the JVM exits. The tests reach each service through its mapped port;
 * the worker reaches Kafka and the proxies by their network aliases.
 */
final class ContainerStack implements PipelineStack {

    static final String KAFKA_IMAGE = "apache/kafka:4.4.0";
    static final String CLICKHOUSE_IMAGE = "clickhouse/clickhouse-server:24.8";
    static final String NGINX_IMAGE = "nginx:1.27-alpine";

    /** The listener and aliases {@code compose/connect/worker.properties} expects. */
    private static final String KAFKA_NETWORK_LISTENER = "kafka:29092";
    private static final String CONNECT_ALIAS = "connect";
    private static final int CONNECT_PORT = 8083;
    private static final String CLICKHOUSE_ALIAS = "clickhouse";
    private static final int CLICKHOUSE_PORT = 8123;
    private static final String PROXY_ALIAS = "proxy";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static ContainerStack started;
    private static RuntimeException failed;

    private final Network network = Network.newNetwork();
    private final Path repoRoot = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private final Path proxyLogs;
    private final int jmxPort = freePort();
    private final KafkaContainer kafka;
    private final GenericContainer<?> clickHouse;
    private final GenericContainer<?> proxy;
    private final GenericContainer<?> connect;

    private ContainerStack() {
        proxyLogs = tempDirWritableByAll();
        kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("kafka")
                .withListener(KAFKA_NETWORK_LISTENER)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        clickHouse = new GenericContainer<>(CLICKHOUSE_IMAGE)
                .withNetwork(network)
                .withNetworkAliases(CLICKHOUSE_ALIAS)
                // the image's passwordless default user, reachable from the proxy container
                .withEnv("CLICKHOUSE_SKIP_USER_SETUP", "1")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withUlimits(List.of(new Ulimit("nofile", 262144L, 262144L))))
                .withExposedPorts(CLICKHOUSE_PORT)
                .waitingFor(Wait.forHttp("/ping").forPort(CLICKHOUSE_PORT).forStatusCode(200)
                        .withStartupTimeout(START_TIMEOUT));
        proxy = new GenericContainer<>(NGINX_IMAGE)
                .withNetwork(network)
                .withNetworkAliases(PROXY_ALIAS)
                .withCopyToContainer(Transferable.of(
                        ContainerProxyConfig.text(CLICKHOUSE_ALIAS + ":" + CLICKHOUSE_PORT)), "/etc/nginx/nginx.conf")
                .withFileSystemBind(proxyLogs.toString(), ContainerProxyConfig.LOG_DIR, BindMode.READ_WRITE)
                .withExposedPorts(ContainerProxyConfig.PORT, ContainerProxyConfig.FAST_PORT)
                .waitingFor(Wait.forHttp("/__stack_ready").forPort(ContainerProxyConfig.PORT).forStatusCode(200)
                        .withStartupTimeout(START_TIMEOUT));
        Path jar = pluginJar();
        connect = new GenericContainer<>(KAFKA_IMAGE)
                .withNetwork(network)
                .withNetworkAliases(CONNECT_ALIAS)
                .withCopyFileToContainer(MountableFile.forHostPath(repoRoot.resolve("compose/connect/worker.properties")),
                        "/opt/connect/worker.properties")
                .withCopyFileToContainer(MountableFile.forHostPath(jar),
                        "/opt/connect-plugins/httplog/" + jar.getFileName())
                .withEnv("KAFKA_HEAP_OPTS", "-Xms256m -Xmx1g")
                .withEnv("KAFKA_JMX_OPTS", jmxOptions())
                .withCommand("/opt/kafka/bin/connect-distributed.sh", "/opt/connect/worker.properties")
                .withExposedPorts(CONNECT_PORT)
                .withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("container.connect")))
                .waitingFor(Wait.forHttp("/connectors").forPort(CONNECT_PORT).forStatusCode(200)
                        .withStartupTimeout(START_TIMEOUT));
        // JMX's RMI server tells clients its port: the same number inside the container and on the host
        connect.setPortBindings(List.of(jmxPort + ":" + jmxPort));
    }

    /**
     * The stack, started on the first call (Docker must be available); stopped when the JVM exits. A
     * start that failed is not tried again: later callers get the same error.
     */
    static synchronized ContainerStack started() {
        if (failed != null) {
            throw failed;
        }
        if (started == null) {
            try {
                ContainerStack stack = new ContainerStack();
                Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "container-stack-stop"));
                stack.start();
                started = stack;
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
        return started;
    }

    private void start() {
        kafka.start();
        clickHouse.start();
        proxy.start();
        connect.start();
    }

    private void stop() {
        Stream.of(connect, proxy, clickHouse, kafka).forEach(GenericContainer::stop);
        network.close();
    }

    @Override
    public String kafkaBootstrap() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String connectUrl() {
        return url(connect, CONNECT_PORT);
    }

    @Override
    public String clickHouseUrl() {
        return url(clickHouse, CLICKHOUSE_PORT);
    }

    @Override
    public String proxyUrl() {
        return url(proxy, ContainerProxyConfig.PORT);
    }

    @Override
    public String sinkProxyUrl() {
        return "http://" + PROXY_ALIAS + ":" + ContainerProxyConfig.PORT;
    }

    @Override
    public Path proxyAccessLog() {
        return proxyLogs.resolve(ContainerProxyConfig.ACCESS_LOG);
    }

    @Override
    public String fastProxyUrl() {
        return url(proxy, ContainerProxyConfig.FAST_PORT);
    }

    @Override
    public String sinkFastProxyUrl() {
        return "http://" + PROXY_ALIAS + ":" + ContainerProxyConfig.FAST_PORT;
    }

    @Override
    public Path fastProxyAccessLog() {
        return proxyLogs.resolve(ContainerProxyConfig.FAST_ACCESS_LOG);
    }

    @Override
    public String connectJmxAddress() {
        return connect.getHost() + ":" + jmxPort;
    }

    private static String url(GenericContainer<?> container, int port) {
        return "http://" + container.getHost() + ":" + container.getMappedPort(port);
    }

    private String jmxOptions() {
        return String.join(" ",
                "-Dcom.sun.management.jmxremote",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.local.only=false",
                "-Djava.rmi.server.hostname=" + DockerClientFactory.instance().dockerHostIpAddress());
    }

    /** The newest built plugin jar, chosen as {@code stack/lib.sh plugin_jar} does. */
    private Path pluginJar() {
        Path target = repoRoot.resolve("plugin/target");
        try (Stream<Path> files = Files.list(target)) {
            return files
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith("httplog-clickhouse-plugin-") && name.endsWith(".jar")
                                && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
                                && !name.endsWith("-tests.jar");
                    })
                    .max(Comparator.comparing(ContainerStack::modified))
                    .orElseThrow(() -> new IllegalStateException("No plugin jar in " + target
                            + ": build it first (mvn -DskipTests package)"));
        } catch (IOException e) {
            throw new IllegalStateException("No plugin jar: " + target + " is not readable; build it first "
                    + "(mvn -DskipTests package)", e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nginx master in the container (root, or a mapped user) must create the logs here. */
    private static Path tempDirWritableByAll() {
        try {
            Path dir = Files.createTempDirectory("httplog-proxy-logs");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
