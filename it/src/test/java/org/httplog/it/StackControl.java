package org.httplog.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops and starts services of the test stack with its own scripts, for failure tests. */
final class StackControl {

    private StackControl() {
    }

    static void stop(String service) {
        run("stack/stop.sh " + service);
    }

    static void start(String service) {
        run("stack/start.sh " + service);
    }

    private static void run(String script) {
        Path repo = Path.of(System.getProperty("user.dir")).getParent();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "eval \"$(bin/stack-test-env)\" && " + script)
                .directory(repo.toFile()).inheritIO();
        try {
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(script + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
