package com.weavecrm.setup;

import com.weavecrm.platform.database.WeaveProperties;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the product runs once it is ready, and where the first password is. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final WeaveProperties properties;

    ReadyBanner(WeaveProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : 8080;
        var passwordFile =
                properties.dataDir().resolve(FirstStart.PASSWORD_FILE).toAbsolutePath();
        log.info(
                "Weave CRM is ready at http://localhost:{}/ — sign in to tenant 'default' as '{}'{}",
                port,
                FirstStart.ADMIN_USERNAME,
                Files.exists(passwordFile) ? " (first password in " + passwordFile + ")" : "");
    }
}
