package org.httplog.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Struct;
import org.httplog.connect.converter.CapnProtoConverter;
import org.httplog.connect.converter.CapnProtoConverterConfig;
import org.httplog.connect.converter.Framing;
import org.httplog.connect.converter.HttpLogRecordSchema;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Round trips both ways against the reference implementation, the {@code capnp} tool that
 * {@code stack/install.sh} installs: what the converter writes, {@code capnp decode} reads back to
 * the same values; what {@code capnp encode} writes from that text, the converter reads back.
 */
class CapnpToolRoundTripIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Framing.class)
    void theReferenceToolAndTheConverterReadEachOther(Framing framing) throws Exception {
        Path schema = strippedSchema();
        CapnProtoConverter converter = new CapnProtoConverter();
        converter.configure(Map.of(CapnProtoConverterConfig.FRAMING_CONFIG, framing.name()), false);
        List<String> packed = framing == Framing.PACKED ? List.of("--packed") : List.of();

        for (Struct record : TestTraffic.records(0, 30)) {
            byte[] ours = converter.fromConnectData("t", HttpLogRecordSchema.SCHEMA, record);
            String text = new String(capnp("decode", packed, schema, ours), StandardCharsets.UTF_8);
            byte[] theirs = capnp("encode", packed, schema, text.getBytes(StandardCharsets.UTF_8));

            assertEquals(record, converter.toConnectData("t", theirs).value(), text);
            assertArrayEquals(ours, theirs, text);
        }
    }

    /** The project's schema without its Java annotations, which the stock tool cannot import. */
    private Path strippedSchema() throws IOException {
        Path source = Path.of(System.getProperty("user.dir")).getParent()
                .resolve("schema/src/main/capnp/schema/http_log.capnp");
        Path stripped = dir.resolve("http_log.capnp");
        Files.write(stripped, Files.readAllLines(source).stream()
                .filter(line -> !line.contains("java.capnp") && !line.contains("$Java.")).toList());
        return stripped;
    }

    private byte[] capnp(String command, List<String> flags, Path schema, byte[] input) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("capnp", command));
        argv.addAll(flags);
        argv.addAll(List.of(schema.toString(), "HttpLogRecord"));
        Path in = Files.write(dir.resolve("in"), input);
        Process process = new ProcessBuilder(argv).redirectInput(in.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed");
        }
        return output;
    }
}
