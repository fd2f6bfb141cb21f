package org.httplog.connect.clickhouse;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Sends insert requests to the ClickHouse HTTP interface (through the proxy) and reports the raw
 * answer. It does no retries and no extra requests of its own: every call is exactly one request
 * against the proxy's budget.
 */
final class ClickHouseHttpClient implements AutoCloseable {

    private static final MediaType BODY_TYPE = MediaType.get("application/octet-stream");
    private static final int MAX_ERROR_BODY_CHARS = 4096;

    private final OkHttpClient http;
    private final HttpUrl insertUrl;
    private final String authorization;

    ClickHouseHttpClient(ClickHouseSinkConfig config) {
        Duration timeout = config.httpTimeout();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .writeTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        TrustStores.apply(config, builder);
        this.http = builder.build();
        String query = "INSERT INTO " + config.database() + "." + config.table()
                + " (" + HttpLogColumn.columnList() + ") FORMAT " + config.format().clickHouseName();
        HttpUrl.Builder url = HttpUrl.get(config.url().toString()).newBuilder();
        if (config.compression().compressedBlocks()) {
            url.addQueryParameter("decompress", "1");
        }
        this.insertUrl = url.addQueryParameter("query", query).build();
        String password = config.password() == null ? "" : config.password().value();
        this.authorization = config.user().isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((config.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one insert whose body is compressed with the given {@code Content-Encoding} (null: sent as
     * it is). An {@link IOException} means no answer was received (the outcome is unknown).
     */
    InsertResponse insert(byte[] body, String contentEncoding) throws IOException {
        Request.Builder request = new Request.Builder()
                .url(insertUrl)
                .post(RequestBody.create(body, BODY_TYPE));
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return new InsertResponse(response.code(), errorBody(response), retryAfter(response));
        }
    }

    private static String errorBody(Response response) throws IOException {
        if (response.isSuccessful()) {
            return "";
        }
        BufferedSource source = response.body().source();
        source.request(MAX_ERROR_BODY_CHARS);
        return source.getBuffer().readUtf8(Math.min(source.getBuffer().size(), MAX_ERROR_BODY_CHARS));
    }

    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
