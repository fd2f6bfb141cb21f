package org.httplog.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The proxy's access log, one line per request: {@code <epoch seconds.millis> <status> ...
 * "<method> <uri>"}. Tests read what the proxy really answered.
 */
final class ProxyAccessLog {

    record Entry(double epochSeconds, int status, String method) {
    }

    private final Path file;

    ProxyAccessLog(Path file) {
        this.file = file;
    }

    /** Every request logged at or after {@code sinceEpochSeconds}. */
    List<Entry> since(double sinceEpochSeconds) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .map(ProxyAccessLog::parse)
                    .filter(entry -> entry.epochSeconds() >= sinceEpochSeconds)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the proxy access log " + file, e);
        }
    }

    private static Entry parse(String line) {
        String[] fields = line.split(" ");
        int quote = line.indexOf('"');
        String method = quote < 0 ? "" : line.substring(quote + 1).split(" ")[0];
        return new Entry(Double.parseDouble(fields[0]), Integer.parseInt(fields[1]), method);
    }
}
