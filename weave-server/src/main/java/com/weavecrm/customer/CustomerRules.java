package com.weavecrm.customer;

import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordHook;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.FieldError;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A customer gets its {@code cid} when created, and always keeps at least one of name, company,
 * phone, e-mail, WeChat id or identity number — otherwise nobody could find or reach it.
 */
@Component
class CustomerRules implements RecordHook {

    static final String OBJECT = "customer";
    private static final List<String> IDENTIFYING =
            List.of("name", "company", "phone", "email", "wechatId", "idNumber");

    private final CustomerIds ids;

    CustomerRules(CustomerIds ids) {
        this.ids = ids;
    }

    @Override
    public String object() {
        return OBJECT;
    }

    @Override
    public void beforeWrite(
            DSLContext dsl,
            TenantContext ctx,
            ObjectDef object,
            Map<String, Object> before,
            Map<String, Object> values,
            List<FieldError> errors) {
        if (before.isEmpty()) {
            values.put("cid", ids.next());
        }
        boolean identified = IDENTIFYING.stream().anyMatch(field -> {
            Object value = values.containsKey(field) ? values.get(field) : before.get(field);
            return value != null && !value.toString().isBlank();
        });
        if (!identified && errors.stream().noneMatch(e -> IDENTIFYING.contains(e.field()))) {
            errors.add(FieldError.of("name", "one_of_required", String.join(", ", IDENTIFYING)));
        }
    }
}
