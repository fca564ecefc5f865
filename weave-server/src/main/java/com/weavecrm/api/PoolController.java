package com.weavecrm.api;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.pool.Pool;
import com.weavecrm.pool.PoolPage;
import com.weavecrm.pool.PoolSummary;
import com.weavecrm.pool.Pools;
import com.weavecrm.pool.PublicPool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/pools")
@Tag(name = "Public pools")
class PoolController {

    private final Pools pools;
    private final PublicPool pool;

    PoolController(Pools pools, PublicPool pool) {
        this.pools = pools;
        this.pool = pool;
    }

    @GetMapping
    @Operation(
            summary = "Public pools (公海): every pool for administrators (settings right), otherwise the pools the "
                    + "caller may claim from; each with recordCount, canClaim and claimsLeftToday")
    Map<String, Object> list(TenantContext ctx) {
        return Map.of("data", pools.list(ctx).stream().map(PoolController::json).toList());
    }

    @PostMapping
    @Operation(
            summary = "Create a pool (settings right): {name, object (lead|customer), condition (CEL filter over the "
                    + "record's fields; invalid: 400 naming condition), inactiveDays, claimRoles, claimUnits, "
                    + "dailyClaimLimit (default 20), previousOwnerWaitDays (default 0), active}")
    ResponseEntity<Map<String, Object>> create(
            TenantContext ctx, @RequestBody @Body(ApiSchemas.PoolInput.class) JsonNode body) {
        PoolSummary created = pools.create(ctx, body);
        return ResponseEntity.created(
                        URI.create("/api/v1/pools/" + created.pool().id()))
                .body(json(created));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A pool the caller manages or may claim from (404 otherwise)")
    Map<String, Object> get(TenantContext ctx, @PathVariable UUID id) {
        return json(pools.get(ctx, id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a pool's settings (settings right; If-Match: version, stale: 409; object is fixed)")
    Map<String, Object> update(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestBody @Body(ApiSchemas.PoolInput.class) JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return json(pools.update(ctx, id, body, ifMatch));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an empty pool (settings right); 409 while it holds records")
    ResponseEntity<Void> delete(TenantContext ctx, @PathVariable UUID id) {
        pools.delete(ctx, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/records")
    @Operation(
            summary = "The pool's records, newest in the pool first: {data:[{record, enteredAt, reason, "
                    + "previousOwnerId, returnedBy}], nextCursor, claimsLeftToday}. record has the fields the caller "
                    + "may read; the caller's data scope does not apply (pooled records have no owner)")
    Map<String, Object> records(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        PoolPage page = pool.records(ctx, id, cursor, PageLimits.parse(limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "data",
                page.data().stream()
                        .map(r -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("record", r.record());
                            item.put("enteredAt", r.enteredAt());
                            item.put("reason", r.reason());
                            item.put("previousOwnerId", r.previousOwnerId());
                            item.put("returnedBy", r.returnedBy());
                            return item;
                        })
                        .toList());
        body.put("nextCursor", page.nextCursor());
        body.put("claimsLeftToday", page.pool().claimsLeftToday());
        return body;
    }

    @PostMapping("/{id}/records/{recordId}/claim")
    @Operation(
            summary = "Claim a pooled record: the caller becomes its owner; the record as they now read it. 409 "
                    + "(pool_claimed) when someone claimed it first; 422 (pool_daily_limit) over the pool's daily "
                    + "limit — a business rule that resets at midnight in the tenant's time zone, not a rate limit "
                    + "to retry against; 422 (pool_previous_owner) while the previous owner must still wait")
    Map<String, Object> claim(TenantContext ctx, @PathVariable UUID id, @PathVariable UUID recordId) {
        return pool.claim(ctx, id, recordId);
    }

    @PostMapping("/{id}/return")
    @Operation(
            summary = "Return records to the pool by hand {object, recordIds (1-200), reason}: they lose their owner. "
                    + "Needs the update right and every record within the caller's scope (400 naming each record "
                    + "not found or already in a pool; nothing returned then)")
    Map<String, Object> returnRecords(
            TenantContext ctx, @PathVariable UUID id, @RequestBody @Body(ApiSchemas.PoolReturn.class) JsonNode body) {
        return Map.of("returned", pool.returnRecords(ctx, id, body));
    }

    @PostMapping("/{id}/reclaim-now")
    @Operation(
            summary = "Run the pool's reclaim now instead of waiting for the recurring task (settings right): "
                    + "{reclaimed: number of records taken back}")
    Map<String, Object> reclaimNow(TenantContext ctx, @PathVariable UUID id) {
        return Map.of("reclaimed", pool.reclaimNow(ctx, id));
    }

    static Map<String, Object> json(PoolSummary summary) {
        Pool p = summary.pool();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("name", p.name());
        body.put("object", p.object());
        body.put("condition", p.condition());
        body.put("inactiveDays", p.inactiveDays());
        body.put("claimRoles", p.claimRoles());
        body.put("claimUnits", p.claimUnits());
        body.put("dailyClaimLimit", p.dailyClaimLimit());
        body.put("previousOwnerWaitDays", p.previousOwnerWaitDays());
        body.put("active", p.active());
        body.put("version", p.version());
        body.put("createdAt", p.createdAt());
        body.put("updatedAt", p.updatedAt());
        body.put("recordCount", summary.records());
        body.put("canClaim", summary.canClaim());
        body.put("claimsLeftToday", summary.claimsLeftToday());
        return body;
    }
}
