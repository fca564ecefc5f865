package com.weavecrm.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings that operators give through the environment ({@code WEAVE_DATA_DIR}, {@code
 * WEAVE_ADMIN_PASSWORD}, {@code WEAVE_DEMO}).
 *
 * @param dataDir where the embedded database, logs and the initial admin password live
 * @param adminPassword the first administrator's password; generated when blank
 * @param demo whether to create the demo tenant at start-up
 */
@ConfigurationProperties(prefix = "weave")
public record WeaveProperties(Path dataDir, String adminPassword, boolean demo) {

    public WeaveProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
