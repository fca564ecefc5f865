package com.weavecrm.api;

import com.weavecrm.handover.HandOver;
import com.weavecrm.handover.LeaverHandOver;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/admin/users/{id}/hand-over")
@Tag(name = "Administration")
class HandOverController {

    private final LeaverHandOver handOver;

    HandOverController(LeaverHandOver handOver) {
        this.handOver = handOver;
    }

    @GetMapping
    @Operation(
            summary = "Preview of a leaver's hand-over, changing nothing: {userId, to (the manager unless ?to= is "
                    + "given), counts per object, assignedTasks}")
    Map<String, Object> preview(TenantContext ctx, @PathVariable UUID id, @RequestParam(required = false) UUID to) {
        return json(handOver.preview(ctx, id, to));
    }

    @PostMapping
    @Operation(
            summary = "Hand a leaver's open leads, customers, contacts, deals, tasks and custom-object records to "
                    + "{to} (null: their manager; none: 400) in one audited step; markLeft: true also sets status "
                    + "left (sessions and tokens end at once). {userId, to, counts, assignedTasks, markedLeft}")
    Map<String, Object> handOver(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestBody(required = false) @Body(ApiSchemas.HandOverInput.class) JsonNode body) {
        return json(handOver.handOver(ctx, id, body));
    }

    private static Map<String, Object> json(HandOver result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", result.userId());
        body.put("to", result.to());
        body.put("counts", result.counts());
        body.put("assignedTasks", result.assignedTasks());
        body.put("markedLeft", result.markedLeft());
        return body;
    }
}
