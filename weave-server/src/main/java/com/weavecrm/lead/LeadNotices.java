package com.weavecrm.lead;

import com.weavecrm.notification.Notice;
import com.weavecrm.notification.NoticeKinds;
import com.weavecrm.notification.NoticeText;
import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserDirectory;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Tells a lead's new owner that it is theirs ({@code lead_assigned}), in the transaction that gave it
 * to them — so the notice exists exactly when the assignment does: after an intake (with the reason
 * from the assignment trace), a transfer by a colleague, an escalation of a missed deadline or a
 * hand-over. Nobody is told about what they did themselves.
 */
@Service
public class LeadNotices {

    private static final String TITLE = "notification.lead_assigned.title";

    private final Notifications notifications;
    private final UserDirectory users;

    public LeadNotices(Notifications notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    /** Intake gave the lead to {@code ownerId}; the reason is the trace's choice. */
    void intakeAssigned(
            DSLContext dsl,
            TenantContext ctx,
            UUID leadId,
            String leadName,
            UUID ownerId,
            List<Map<String, Object>> trace) {
        if (ownerId != null && !ownerId.equals(ctx.userId())) {
            tell(dsl, ctx, ownerId, leadId, leadName, AssignedReason.of(trace), "lead_assigned:intake:" + leadId);
        }
    }

    /** A colleague (the caller) gave the lead to {@code ownerId}. */
    void transferred(DSLContext dsl, TenantContext ctx, UUID leadId, String leadName, UUID ownerId) {
        if (ownerId != null && ctx.userId() != null && !ownerId.equals(ctx.userId())) {
            NoticeText reason = NoticeText.of("notification.lead_assigned.transferred", nameOf(dsl, ctx, ctx.userId()));
            tell(dsl, ctx, ownerId, leadId, leadName, reason, null);
        }
    }

    /**
     * A missed deadline ({@code kind}: first_response, follow_up) moved the lead from {@code previousOwner}
     * to {@code ownerId}; {@code onceKey} names the breach, so a repeated run tells nobody twice.
     */
    public void escalated(
            DSLContext dsl,
            TenantContext ctx,
            Map<String, Object> lead,
            UUID previousOwner,
            UUID ownerId,
            String kind,
            String onceKey) {
        UUID leadId = UUID.fromString(lead.get("id").toString());
        NoticeText reason =
                NoticeText.of("notification.lead_assigned.escalated." + kind, nameOf(dsl, ctx, previousOwner));
        tell(dsl, ctx, ownerId, leadId, LeadNames.of(lead), reason, onceKey);
    }

    /** A hand-over gave {@code leads} of {@code previousOwner} to {@code ownerId}: one notice for all. */
    void handedOver(DSLContext dsl, TenantContext ctx, List<UUID> leads, UUID previousOwner, UUID ownerId) {
        if (leads.isEmpty() || ownerId == null || ownerId.equals(ctx.userId())) {
            return;
        }
        Notice notice = Notice.of(
                        ownerId,
                        NoticeKinds.LEAD_ASSIGNED,
                        NoticeText.of("notification.lead_assigned.handed_over.title", leads.size()))
                .withBody(
                        NoticeText.of("notification.lead_assigned.handed_over.body", nameOf(dsl, ctx, previousOwner)));
        notifications.notify(
                dsl,
                ctx,
                leads.size() == 1 ? notice.about("lead", leads.getFirst()) : notice.withLink("/records/lead"));
    }

    private void tell(
            DSLContext dsl,
            TenantContext ctx,
            UUID ownerId,
            UUID leadId,
            String leadName,
            NoticeText reason,
            String onceKey) {
        Notice notice = Notice.of(ownerId, NoticeKinds.LEAD_ASSIGNED, NoticeText.of(TITLE, leadName))
                .withBody(reason)
                .about("lead", leadId);
        notifications.notify(dsl, ctx, onceKey == null ? notice : notice.once(onceKey));
    }

    private String nameOf(DSLContext dsl, TenantContext ctx, UUID userId) {
        return userId == null
                ? ""
                : users.account(dsl, ctx, userId)
                        .map(UserAccount::displayName)
                        .filter(Objects::nonNull)
                        .orElse("");
    }

    /** How a lead is named in a notice: its name, else its company or a way to reach it. */
    static final class LeadNames {

        private LeadNames() {}

        static String of(Map<String, ?> lead) {
            return Stream.of("name", "company", "phone", "email", "wechatId")
                    .map(lead::get)
                    .filter(v -> v != null && !v.toString().isBlank())
                    .map(Object::toString)
                    .findFirst()
                    .orElse("");
        }
    }
}
