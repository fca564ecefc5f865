package com.weavecrm.platform.idempotency;

import com.weavecrm.platform.idempotency.internal.IdempotencyRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Upkeep of stored idempotency keys. */
@Service
public class IdempotencyKeys {

    private final IdempotencyRepository repository;

    public IdempotencyKeys(IdempotencyRepository repository) {
        this.repository = repository;
    }

    public int purgeOlderThan(DSLContext dsl, TenantContext ctx, OffsetDateTime cutoff) {
        return repository.purgeOlderThan(dsl, ctx.tenant(), cutoff);
    }
}
