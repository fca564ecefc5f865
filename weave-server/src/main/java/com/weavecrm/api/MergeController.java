package com.weavecrm.api;

import com.weavecrm.merge.Merge;
import com.weavecrm.merge.MergeResult;
import com.weavecrm.merge.RecordMerges;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/dedupe/merges")
@Tag(name = "Duplicates")
class MergeController {

    private final RecordMerges merges;

    MergeController(RecordMerges merges) {
        this.merges = merges;
    }

    @PostMapping
    @Operation(
            summary = "Merge up to 10 records into a survivor: the survivor takes `values` (validated as a PATCH; "
                    + "errors name values.<field>), every child of the merged records (lookups, relatedObject/"
                    + "relatedId) moves to it, the merged records go to the recycle bin. Needs update and delete "
                    + "rights; If-Match or `version` (survivor) and `mergedVersions` refuse stale versions with 409. "
                    + "201 with the merge, `repointed` counts by object.field and the survivor as it is now")
    ResponseEntity<Map<String, Object>> merge(
            TenantContext ctx,
            @RequestBody @Body(ApiSchemas.MergeInput.class) JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        MergeResult result = merges.merge(ctx, body, ifMatch);
        return ResponseEntity.created(
                        URI.create("/api/v1/dedupe/merges/" + result.merge().id()))
                .body(json(result.merge(), result.survivor()));
    }

    @GetMapping
    @Operation(
            summary = "Where a merged record went: the active merge that folded ?mergedId= of ?object= into another "
                    + "record, as {data:[merge]} (empty when none). Reading the merged record itself is 404, as for "
                    + "any record in the recycle bin")
    Map<String, Object> find(TenantContext ctx, @RequestParam String object, @RequestParam UUID mergedId) {
        return Map.of(
                "data",
                merges.mergedInto(ctx, object, mergedId)
                        .map(m -> List.of(json(m, null)))
                        .orElse(List.of()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A merge: its records, the survivor's changed fields (old and new), children moved, status")
    Map<String, Object> get(TenantContext ctx, @PathVariable UUID id) {
        return json(merges.get(ctx, id), null);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Undo a merge: the survivor's values, every moved child and the merged records come back. "
                    + "409 when it was undone already, when one of those survivor fields changed since (each listed),"
                    + " when the survivor is deleted or a merged record was merged again")
    Map<String, Object> undo(TenantContext ctx, @PathVariable UUID id) {
        MergeResult result = merges.undo(ctx, id);
        return json(result.merge(), result.survivor());
    }

    static Map<String, Object> json(Merge merge, Map<String, Object> survivor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", merge.id());
        body.put("object", merge.object());
        body.put("survivorId", merge.survivorId());
        body.put("mergedIds", merge.mergedIds());
        body.put("status", merge.status());
        body.put(
                "changes",
                merge.changes().stream()
                        .map(c -> {
                            Map<String, Object> change = new LinkedHashMap<>();
                            change.put("field", c.field());
                            change.put("old", c.oldValue());
                            change.put("new", c.newValue());
                            return change;
                        })
                        .toList());
        body.put("repointed", merge.repointed());
        body.put("createdAt", merge.createdAt());
        body.put("createdBy", merge.createdBy());
        body.put("undoneAt", merge.undoneAt());
        body.put("undoneBy", merge.undoneBy());
        if (survivor != null) {
            body.put("survivor", survivor);
        }
        return body;
    }
}
