package org.httplog.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PluginVersionTest {

    @Test
    void reportsTheFilteredProjectVersion() {
        assertTrue(PluginVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), PluginVersion.get());
    }
}
