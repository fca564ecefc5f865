package com.weavecrm.setup;

import com.weavecrm.platform.tenancy.Tenant;
import org.springframework.context.ApplicationContext;

/** For tests of other packages: a demo tenant (the health-food chain with 144 customers) of their own. */
public final class DemoTenants {

    private DemoTenants() {}

    public static Tenant create(ApplicationContext context, String slug, String password) {
        return context.getBean(DemoCompany.class).create(slug, password);
    }
}
