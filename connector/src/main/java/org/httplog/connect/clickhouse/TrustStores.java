package org.httplog.connect.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.apache.kafka.common.config.ConfigException;

/** Applies a configured trust store to the HTTP client, for an https proxy signed by a private CA. */
final class TrustStores {

    private TrustStores() {
    }

    static void apply(ClickHouseSinkConfig config, OkHttpClient.Builder builder) {
        String location = config.truststoreLocation();
        if (location.isEmpty()) {
            return;
        }
        char[] password = config.truststorePassword() == null || config.truststorePassword().value().isEmpty()
                ? null : config.truststorePassword().value().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(config.truststoreType());
            store.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager trustManager = null;
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    trustManager = x509;
                }
            }
            if (trustManager == null) {
                throw new ConfigException(ClickHouseSinkConfig.TRUSTSTORE_LOCATION_CONFIG, location,
                        "No X.509 trust manager for this trust store");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            builder.sslSocketFactory(context.getSocketFactory(), trustManager);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(ClickHouseSinkConfig.TRUSTSTORE_LOCATION_CONFIG, location,
                    "Cannot load the " + config.truststoreType() + " trust store: " + e.getMessage());
        }
    }
}
