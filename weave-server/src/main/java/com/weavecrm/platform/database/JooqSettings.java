package com.weavecrm.platform.database;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ without the per-statement extras the product does not use: no debug logging of every
 * statement (PostgreSQL's own log does that when asked) and no fetch of SQL warnings after each one.
 */
@Configuration(proxyBeanMethods = false)
class JooqSettings {

    @Bean
    DefaultConfigurationCustomizer leanJooqExecution() {
        return configuration ->
                configuration.settings().withExecuteLogging(false).withFetchWarnings(false);
    }
}
