package com.weavecrm.api;

import com.weavecrm.platform.audit.AuditPage;
import com.weavecrm.platform.records.ListRequest;
import com.weavecrm.platform.records.ListViews;
import com.weavecrm.platform.records.RecordHistory;
import com.weavecrm.platform.records.RecordPage;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/objects/{object}/records")
@Tag(name = "Records")
class RecordController {

    private final RecordService records;
    private final RecordWriter writer;
    private final RecordHistory history;
    private final ListViews views;

    RecordController(RecordService records, RecordWriter writer, RecordHistory history, ListViews views) {
        this.records = records;
        this.writer = writer;
        this.history = history;
        this.views = views;
    }

    @GetMapping
    @Operation(
            summary = "List records: filter (CEL), sort (-createdAt,name), fields, limit (1-200), cursor, count; "
                    + "view=<saved view id> applies the view (a filter given too is combined with it)")
    Map<String, Object> list(
            TenantContext ctx,
            @PathVariable String object,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String fields,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String count,
            @RequestParam(required = false) UUID view) {
        if (count != null && !count.equals("true") && !count.equals("false")) {
            throw ApiException.badRequest("count", "invalid_value");
        }
        ListRequest request =
                new ListRequest(filter, sort, fields, PageLimits.parse(limit), cursor, "true".equals(count));
        RecordPage page = records.list(ctx, object, view == null ? request : views.apply(ctx, object, view, request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.data());
        body.put("nextCursor", page.nextCursor());
        if (page.total() != null) {
            body.put("total", page.total());
        }
        if (page.totalIsEstimate() != null) {
            body.put("totalIsEstimate", true);
        }
        return body;
    }

    @PostMapping
    @Operation(summary = "Create a record; every invalid field is listed in one 400")
    ResponseEntity<Map<String, Object>> create(
            TenantContext ctx, @PathVariable String object, @RequestBody JsonNode body) {
        Map<String, Object> record = writer.create(ctx, object, body);
        return ResponseEntity.created(URI.create("/api/v1/objects/" + object + "/records/" + record.get("id")))
                .body(record);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(TenantContext ctx, @PathVariable String object, @PathVariable UUID id) {
        return records.get(ctx, object, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields; If-Match: <version> refuses a stale write with 409")
    Map<String, Object> update(
            TenantContext ctx,
            @PathVariable String object,
            @PathVariable UUID id,
            @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return writer.update(ctx, object, id, body, ifMatch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Move a record to the recycle bin (restorable)")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable String object, @PathVariable UUID id) {
        writer.delete(ctx, object, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Bring a record back from the recycle bin")
    Map<String, Object> restore(TenantContext ctx, @PathVariable String object, @PathVariable UUID id) {
        return writer.restore(ctx, object, id);
    }

    @PutMapping("/by-external-id/{externalId}")
    @Operation(
            summary = "Upsert by external id: 201 when created, 200 when updated; ?field= matches a field marked"
                    + " externalId instead of the record's externalId")
    ResponseEntity<Map<String, Object>> upsert(
            TenantContext ctx,
            @PathVariable String object,
            @PathVariable String externalId,
            @RequestParam(required = false) String field,
            @RequestBody JsonNode body) {
        RecordWriter.Upserted result = writer.upsert(ctx, object, externalId, field, body);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.record());
    }

    @GetMapping("/{id}/history")
    @Operation(
            summary =
                    "Every change of the record, newest first, field by field (fields hidden from the caller left out)")
    AuditPage history(
            TenantContext ctx,
            @PathVariable String object,
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        return history.of(ctx, object, id, cursor, PageLimits.parse(limit));
    }
}
