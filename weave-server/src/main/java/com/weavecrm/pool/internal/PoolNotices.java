package com.weavecrm.pool.internal;

import com.weavecrm.notification.Notice;
import com.weavecrm.notification.NoticeKinds;
import com.weavecrm.notification.NoticeText;
import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordOwners;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.pool.Pool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Tells the previous owners of records that went to a pool ({@code lead_reclaimed}), in the
 * transaction that moved them: one notice per owner and move — naming the record when it is one,
 * counting them when a reclaim took several — linking to the pool, where they may be claimed back.
 * Whoever returned records themselves is not told.
 */
@Component
public class PoolNotices {

    private static final List<String> LABELS = List.of("company", "phone", "email", "wechatId");

    private final Notifications notifications;
    private final RecordLabelRepository labels;

    public PoolNotices(Notifications notifications, RecordLabelRepository labels) {
        this.notifications = notifications;
        this.labels = labels;
    }

    /** {@code reason} is {@link Reclaimer#REASON} for a reclaim by inactivity, else what the returner gave. */
    public void pooled(
            DSLContext dsl,
            TenantContext ctx,
            Pool pool,
            ObjectDef object,
            List<RecordOwners.OwnerChange> moved,
            String reason) {
        Map<UUID, List<UUID>> byOwner = new LinkedHashMap<>();
        for (RecordOwners.OwnerChange change : moved) {
            if (change.previousOwner() != null && !change.previousOwner().equals(ctx.userId())) {
                byOwner.computeIfAbsent(change.previousOwner(), k -> new ArrayList<>())
                        .add(change.recordId());
            }
        }
        if (byOwner.isEmpty()) {
            return;
        }
        List<UUID> single = byOwner.values().stream()
                .filter(ids -> ids.size() == 1)
                .map(List::getFirst)
                .toList();
        Map<UUID, String> names = labels.labels(dsl, ctx.tenant().table(object.table()), labelColumns(object), single);
        NoticeText body = Reclaimer.REASON.equals(reason)
                ? NoticeText.of("notification.lead_reclaimed.inactive", pool.inactiveDays(), pool.name())
                : NoticeText.of("notification.lead_reclaimed.returned", pool.name(), reason);
        String link = "/pools/" + pool.id();
        byOwner.forEach((owner, ids) -> {
            Notice notice = ids.size() == 1
                    ? Notice.of(
                                    owner,
                                    NoticeKinds.LEAD_RECLAIMED,
                                    NoticeText.of(
                                            "notification.lead_reclaimed.title." + object.apiName(),
                                            names.getOrDefault(ids.getFirst(), "")))
                            .about(object.apiName(), ids.getFirst())
                    : Notice.of(
                            owner,
                            NoticeKinds.LEAD_RECLAIMED,
                            NoticeText.of("notification.lead_reclaimed.many." + object.apiName(), ids.size()));
            notifications.notify(dsl, ctx, notice.withBody(body).withLink(link));
        });
    }

    /** The object's name field, then its other textual ways to tell a record (company, phone, ...). */
    private static List<String> labelColumns(ObjectDef object) {
        return Stream.concat(Stream.of(object.nameField()), LABELS.stream())
                .filter(Objects::nonNull)
                .distinct()
                .map(object::field)
                .flatMap(java.util.Optional::stream)
                .filter(f -> f.type().isTextual())
                .map(FieldDef::column)
                .toList();
    }
}
