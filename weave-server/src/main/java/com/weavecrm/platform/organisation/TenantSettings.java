package com.weavecrm.platform.organisation;

import java.time.OffsetDateTime;

/** A tenant's own settings: its name, time zone (default Asia/Shanghai), currency (default CNY). */
public record TenantSettings(
        String name, String timezone, String currency, String defaultLocale, long version, OffsetDateTime updatedAt) {}
