package com.weavecrm.web;

import com.weavecrm.merge.Merge;
import com.weavecrm.merge.RecordMerges;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What record pages know of merges: a merged record's address leads to the record it was merged into
 * (old links and bookmarks keep working), and a survivor's page offers to undo a merge just made.
 */
@Component
class MergedRecords {

    private final RecordMerges merges;
    private final PermissionService permissions;

    MergedRecords(RecordMerges merges, PermissionService permissions) {
        this.merges = merges;
        this.permissions = permissions;
    }

    /**
     * The redirect to the survivor when {@code refused} says the record is absent because it was merged
     * into one the caller may read; otherwise {@code refused} itself.
     */
    ModelAndView redirectOrThrow(TenantContext ctx, String object, UUID id, ApiException refused, String pathPrefix) {
        if (refused.status() != HttpStatus.NOT_FOUND) {
            throw refused;
        }
        return merges.mergedInto(ctx, object, id)
                .map(m -> new ModelAndView("redirect:" + pathPrefix + m.survivorId() + "?toast=merged_into"))
                .orElseThrow(() -> refused);
    }

    /** The merge into {@code survivor} that its page may offer to undo, if still active. */
    Optional<Merge> undoable(TenantContext ctx, UUID mergeId, UUID survivor) {
        if (mergeId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(merges.get(ctx, mergeId))
                    .filter(m -> !m.undone() && m.survivorId().equals(survivor));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** Whether the caller may merge records of the object (update and delete rights). */
    boolean canMerge(TenantContext ctx, String object) {
        return permissions.can(ctx, object, Action.UPDATE) && permissions.can(ctx, object, Action.DELETE);
    }
}
