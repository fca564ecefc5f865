package com.weavecrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Weave CRM: one process serving the UI, the API and the background jobs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WeaveApplication {

    public static void main(String[] args) {
        quietJooq();
        SpringApplication.run(WeaveApplication.class, args);
    }

    /** jOOQ prints a logo and a tip of the day at start-up unless told not to. */
    public static void quietJooq() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }
}
