package org.httplog.connect.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https proxy signed by a private CA is reached with the configured trust store, and only then. */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void trustsTheConfiguredStoreAndNothingElse() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate server = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
                .signedBy(ca).build();
        HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
                .heldCertificate(server, ca.certificate()).build();
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.useHttps(serverCertificates.sslSocketFactory(), false);
            proxy.enqueue(new MockResponse().setResponseCode(200));
            proxy.start();
            String url = "https://localhost:" + proxy.getPort();

            Path store = dir.resolve("ca.p12");
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setCertificateEntry("ca", ca.certificate());
            try (OutputStream out = Files.newOutputStream(store)) {
                keyStore.store(out, "changeit".toCharArray());
            }

            ClickHouseSinkConfig trusting = new ClickHouseSinkConfig(Map.of(
                    ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG, url,
                    ClickHouseSinkConfig.TRUSTSTORE_LOCATION_CONFIG, store.toString(),
                    ClickHouseSinkConfig.TRUSTSTORE_PASSWORD_CONFIG, "changeit"));
            try (ClickHouseHttpClient client = new ClickHouseHttpClient(trusting)) {
                assertEquals(200, client.insert("{}\n".getBytes(StandardCharsets.UTF_8), null).status());
            }

            ClickHouseSinkConfig defaults = new ClickHouseSinkConfig(Map.of(
                    ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG, url));
            try (ClickHouseHttpClient client = new ClickHouseHttpClient(defaults)) {
                assertThrows(SSLHandshakeException.class, () -> client.insert(new byte[0], null));
            }
        }
    }

    @Test
    void anUnreadableTrustStoreIsAConfigError() throws IOException {
        Path garbage = Files.writeString(dir.resolve("bad.p12"), "not a key store");
        ClickHouseSinkConfig config = new ClickHouseSinkConfig(Map.of(
                ClickHouseSinkConfig.CLICKHOUSE_URL_CONFIG, "https://localhost:1",
                ClickHouseSinkConfig.TRUSTSTORE_LOCATION_CONFIG, garbage.toString()));
        assertThrows(ConfigException.class, () -> new ClickHouseHttpClient(config));
    }
}
