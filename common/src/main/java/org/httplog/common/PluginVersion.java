package org.httplog.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, as every plugin reports it from {@code version()}.
 *
 * <p>Read once from a resource that Maven filters at build time, so the worker's
 * {@code GET /connector-plugins} shows the version of the jar that is really loaded, not the
 * version of a library inside it.
 */
public final class PluginVersion {

    private static final String RESOURCE = "/org/httplog/common/version.properties";
    private static final String VERSION = load();

    private PluginVersion() {
    }

    /** The project version this jar was built from, e.g. {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = PluginVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing build resource " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank() || version.startsWith("${")) {
                throw new IllegalStateException("Build resource " + RESOURCE + " was not filtered");
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
