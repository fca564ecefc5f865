package com.weavecrm.platform.search;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.Column;
import com.weavecrm.platform.records.ObjectAccess;
import com.weavecrm.platform.records.SearchDocument;
import com.weavecrm.platform.search.internal.SearchRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.RequestLocales;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.springframework.stereotype.Service;

/**
 * Searches every object the caller may read, one query per object in one transaction, each limited to
 * the caller's data scope and showing only fields they may read.
 */
@Service
public class SearchService {

    public static final int MAX_QUERY = 100;
    private static final List<String> SUBTITLE_FIELDS = List.of("cid", "company", "phone", "email", "stage", "subject");

    private final TenantTx tx;
    private final MetadataService metadata;
    private final PermissionService permissions;
    private final SearchRepository repository;

    public SearchService(
            TenantTx tx, MetadataService metadata, PermissionService permissions, SearchRepository repository) {
        this.tx = tx;
        this.metadata = metadata;
        this.permissions = permissions;
        this.repository = repository;
    }

    public List<SearchHit> search(TenantContext ctx, String text, int limit) {
        String query = SearchDocument.normalise(text);
        if (query.isEmpty()) {
            throw ApiException.badRequest("q", "required");
        }
        if (query.length() > MAX_QUERY) {
            throw ApiException.badRequest("q", "too_long", MAX_QUERY);
        }
        String language = RequestLocales.toTag(ctx.locale());
        String pinyin = SearchDocument.isChinese(query) ? SearchDocument.pinyinOf(query) : null;
        List<ObjectDef> readable = metadata.catalog(ctx).all().stream()
                .filter(SearchDocument::appliesTo)
                .filter(o -> permissions.can(ctx, o.apiName(), Action.READ))
                .toList();
        return tx.call(ctx, dsl -> {
            List<SearchHit> hits = new ArrayList<>();
            for (ObjectDef object : readable) {
                if (hits.size() >= limit) {
                    break;
                }
                ObjectAccess access = ObjectAccess.of(object, permissions.policy(ctx));
                List<Column> shown = shownColumns(object, access);
                if (shown.isEmpty()) {
                    continue;
                }
                Field<UUID> owner = org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("owner_id"), UUID.class);
                for (Map<String, Object> row : repository.find(
                        dsl,
                        ctx.tenant(),
                        object.table(),
                        shown,
                        query,
                        pinyin,
                        readableOnly(object, access),
                        permissions.scope(ctx, object.apiName(), Action.READ, owner),
                        limit - hits.size())) {
                    hits.add(hit(object, language, shown, row));
                }
            }
            return hits;
        });
    }

    /**
     * Null when the caller may read every searchable field (the indexed search document serves);
     * otherwise the searchable fields they may read, searched one by one.
     */
    private static List<Column> readableOnly(ObjectDef object, ObjectAccess access) {
        List<FieldDef> searchable =
                object.fields().stream().filter(SearchDocument::searchable).toList();
        List<Column> readable = searchable.stream()
                .map(f -> access.column(f.apiName()))
                .flatMap(java.util.Optional::stream)
                .toList();
        return readable.size() == searchable.size() ? null : readable;
    }

    /** The name field and the fields that tell records apart, as far as the caller may read them. */
    private static List<Column> shownColumns(ObjectDef object, ObjectAccess access) {
        List<Column> columns = new ArrayList<>();
        SearchDocument.nameField(object)
                .flatMap(f -> access.column(f.apiName()))
                .ifPresent(columns::add);
        for (String name : SUBTITLE_FIELDS) {
            access.column(name).filter(c -> !columns.contains(c)).ifPresent(columns::add);
        }
        object.fields().stream()
                .filter(f -> f.type() == FieldType.PHONE || f.type() == FieldType.EMAIL)
                .map(FieldDef::apiName)
                .map(access::column)
                .flatMap(java.util.Optional::stream)
                .filter(c -> !columns.contains(c))
                .findFirst()
                .ifPresent(columns::add);
        return columns;
    }

    private static SearchHit hit(ObjectDef object, String language, List<Column> shown, Map<String, Object> row) {
        String title = Objects.toString(row.get(shown.get(0).apiName()), "");
        String subtitle = shown.stream()
                .skip(1)
                .map(c -> row.get(c.apiName()))
                .filter(Objects::nonNull)
                .map(Object::toString)
                .collect(Collectors.joining(" · "));
        return new SearchHit(object.apiName(), object.labelIn(language), (UUID) row.get("id"), title, subtitle);
    }
}
