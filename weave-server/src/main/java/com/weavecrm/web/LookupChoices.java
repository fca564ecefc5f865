package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserFilter;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.records.ListRequest;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The choices of the lookup and user inputs of a form: the first records of each target by name (one
 * list call per lookup field) and the active users the caller may see, plus the current values.
 */
@Component
class LookupChoices {

    static final int MAX_CHOICES = 200;

    private final RecordService records;
    private final ObjectFields objects;
    private final UserService users;
    private final PermissionService permissions;

    LookupChoices(RecordService records, ObjectFields objects, UserService users, PermissionService permissions) {
        this.records = records;
        this.objects = objects;
        this.users = users;
        this.permissions = permissions;
    }

    /** One choice of a select: the id and the name shown. */
    record Choice(String id, String name) {}

    /** Choices by field name for the writable lookup and user fields among {@code fields}. */
    Map<String, List<Choice>> of(
            TenantContext ctx,
            Collection<FieldView> fields,
            Map<String, Object> record,
            Map<String, String> currentNames) {
        Map<String, List<Choice>> choices = new LinkedHashMap<>();
        List<Choice> people = null;
        for (FieldView field : fields) {
            if (field.readOnly()) {
                continue;
            }
            if ("lookup".equals(field.type()) && objects.readable(ctx, field.target())) {
                choices.put(
                        field.apiName(),
                        withCurrent(targets(ctx, field.target()), record.get(field.apiName()), currentNames));
            } else if ("user".equals(field.type())) {
                people = people == null ? people(ctx) : people;
                choices.put(field.apiName(), withCurrent(people, record.get(field.apiName()), currentNames));
            }
        }
        return choices;
    }

    private List<Choice> targets(TenantContext ctx, String target) {
        ObjectFields.Fields fields = objects.of(ctx, target);
        String name = fields.nameField();
        return records.list(ctx, target, new ListRequest(null, name, name, MAX_CHOICES, null, false)).data().stream()
                .map(r -> new Choice(r.get("id").toString(), fields.title(r)))
                .toList();
    }

    private List<Choice> people(TenantContext ctx) {
        if (!permissions.can(ctx, ObjectNames.USER, Action.READ)) {
            AuthenticatedUser me = PageContext.signedIn();
            return me == null ? List.of() : List.of(new Choice(ctx.userId().toString(), me.displayName()));
        }
        return users.list(ctx, new UserFilter(null, UserAccount.ACTIVE, null), null, MAX_CHOICES).data().stream()
                .map(u -> new Choice(u.id().toString(), u.displayName()))
                .toList();
    }

    /** The choices and, when a current value is not among them, that value too (named when known). */
    private static List<Choice> withCurrent(List<Choice> choices, Object current, Map<String, String> names) {
        String id = current == null ? "" : current.toString();
        if (id.isBlank() || choices.stream().anyMatch(c -> c.id().equals(id))) {
            return choices;
        }
        List<Choice> all = new ArrayList<>(choices);
        all.add(new Choice(id, names.getOrDefault(id, id)));
        return all;
    }
}
