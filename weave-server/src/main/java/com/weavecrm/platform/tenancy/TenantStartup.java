package com.weavecrm.platform.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the server takes requests: brings every tenant schema to this build's
 * version and finishes any tenant whose provisioning a crash interrupted.
 */
@Component
class TenantStartup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TenantStartup.class);

    private final TenantProvisioner provisioner;

    TenantStartup(TenantProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        provisioner.migrateAll();
        log.info("Tenant schemas checked in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
