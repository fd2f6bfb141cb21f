package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two tasks take turns on the 6 requests/minute proxy: every record is stored, and once they have
 * found their turns the proxy refuses (almost) none of their requests, while each task spending the
 * whole budget would be refused every other time.
 */
class TwoTasksShareTheBudgetIT {

    private final String id = "two_tasks_" + System.currentTimeMillis();

    @AfterEach
    void tearDown() {
        Connect.delete(id);
    }

    @Test
    void twoTasksStayWithinTheBudgetTogether() throws InterruptedException {
        Records.createTopic(id, 2);
        ClickHouse.createHttpLogTable(id);
        ProxyAccessLog log = new ProxyAccessLog(Stack.fastProxyAccessLog());
        double start = System.currentTimeMillis() / 1000.0;
        double[] steadyFrom = new double[1];
        List<Struct> produced;
        try (BackgroundProducer producer = new BackgroundProducer(id, 0, 20)) {
            Connect.create(Connect.shippedConfig(id, Map.of(
                    "tasks.max", "2",
                    "topics", id,
                    "clickhouse.url", Stack.sinkFastProxyUrl(),
                    "clickhouse.table", id,
                    "insert.interval.ms", "10000",
                    "insert.format", "ROW_BINARY",
                    "insert.compression", "GZIP",
                    "errors.deadletterqueue.topic.name", id + "_dlq")));
            Await.until(Duration.ofMinutes(1), () -> runningTasks() == 2, () -> "two running tasks");
            Thread.sleep(80_000); // warm-up: the tasks find their turns
            steadyFrom[0] = System.currentTimeMillis() / 1000.0;
            Thread.sleep(80_000);
            produced = producer.stop();
        }
        Await.until(Duration.ofMinutes(2), () -> ClickHouse.count(id) >= produced.size(),
                () -> produced.size() + " rows, have " + ClickHouse.count(id));
        assertEquals(produced.stream().map(TestTraffic::expectedRow).toList(), Rows.read(id));

        List<ProxyAccessLog.Entry> warmUp = posts(log.since(start)).stream()
                .filter(e -> e.epochSeconds() < steadyFrom[0]).toList();
        List<ProxyAccessLog.Entry> steady = posts(log.since(steadyFrom[0]));
        long accepted = steady.stream().filter(e -> e.status() == 200).count();
        long refused = steady.stream().filter(e -> e.status() == 503).count();
        System.out.printf("two tasks: warm-up %s; steady: %d accepted, %d refused%n", warmUp, accepted, refused);
        assertTrue(accepted >= 5, "inserts kept going in 80 s of 10 s windows: " + steady);
        assertTrue(refused <= 2, "the tasks took turns: " + steady);
    }

    private static List<ProxyAccessLog.Entry> posts(List<ProxyAccessLog.Entry> entries) {
        return entries.stream().filter(e -> e.method().equals("POST")).toList();
    }

    private int runningTasks() {
        JsonNode status = Connect.status(id);
        int running = 0;
        if (status != null) {
            for (JsonNode task : status.path("tasks")) {
                running += "RUNNING".equals(task.path("state").asText()) ? 1 : 0;
            }
        }
        return running;
    }
}
