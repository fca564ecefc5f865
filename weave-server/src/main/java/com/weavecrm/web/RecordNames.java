package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.organisation.UserDirectory;
import com.weavecrm.platform.records.ListRequest;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The names behind the ids of a page of records: one list call per lookup target (the ids of the
 * page at once) and one read per distinct user, so a page costs a bounded number of calls.
 */
@Component
class RecordNames {

    static final int MAX_IDS = 200;

    private final RecordService records;
    private final ObjectFields objects;
    private final UserDirectory users;

    RecordNames(RecordService records, ObjectFields objects, UserDirectory users) {
        this.records = records;
        this.objects = objects;
        this.users = users;
    }

    /** Names by id (as text) of every lookup and user value of {@code rows} in {@code fields}. */
    Map<String, String> of(TenantContext ctx, Collection<FieldView> fields, List<Map<String, Object>> rows) {
        Map<String, String> names = new HashMap<>();
        Map<String, Set<String>> idsByTarget = new LinkedHashMap<>();
        Set<String> userIds = new LinkedHashSet<>();
        for (FieldView field : fields) {
            for (Map<String, Object> row : rows) {
                Object value = row.get(field.apiName());
                if (value == null) {
                    continue;
                }
                if ("user".equals(field.type())) {
                    userIds.add(value.toString());
                } else if ("lookup".equals(field.type()) && objects.readable(ctx, field.target())) {
                    idsByTarget
                            .computeIfAbsent(field.target(), t -> new LinkedHashSet<>())
                            .add(value.toString());
                }
            }
        }
        idsByTarget.forEach((target, ids) -> names.putAll(targets(ctx, target, ids)));
        userIds.stream().limit(MAX_IDS).forEach(id -> {
            UserDirectory.UserSummary user = users.summary(ctx, UUID.fromString(id));
            if (user != null) {
                names.put(id, user.displayName());
            }
        });
        return names;
    }

    /** Titles by id (as text) of records of {@code object} the caller may read, a bounded call per {@value #MAX_IDS} ids. */
    Map<String, String> titles(TenantContext ctx, String object, Collection<UUID> ids) {
        List<String> distinct = ids.stream().map(UUID::toString).distinct().toList();
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_IDS) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_IDS));
            names.putAll(targets(ctx, object, new LinkedHashSet<>(chunk)));
        }
        return names;
    }

    private Map<String, String> targets(TenantContext ctx, String target, Set<String> ids) {
        ObjectFields.Fields fields = objects.of(ctx, target);
        String filter = ids.stream()
                .limit(MAX_IDS)
                .map(id -> "\"" + UUID.fromString(id) + "\"")
                .collect(Collectors.joining(",", "id in [", "]"));
        try {
            return records
                    .list(ctx, target, new ListRequest(filter, null, fields.nameField(), MAX_IDS, null, false))
                    .data()
                    .stream()
                    .collect(Collectors.toMap(r -> r.get("id").toString(), fields::title, (a, b) -> a));
        } catch (ApiException e) {
            return Map.of();
        }
    }
}
