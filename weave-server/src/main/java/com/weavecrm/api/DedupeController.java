package com.weavecrm.api;

import com.weavecrm.dedupe.DedupeScans;
import com.weavecrm.dedupe.DedupeSettings;
import com.weavecrm.dedupe.DedupeSettingsService;
import com.weavecrm.dedupe.DuplicateFinder;
import com.weavecrm.dedupe.Evidence;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/dedupe")
@Tag(name = "Duplicates")
class DedupeController {

    private static final int MAX_PAIRS_PAGE = 1_000;

    private final DedupeScans scans;
    private final DuplicateFinder finder;
    private final DedupeSettingsService settings;
    private final MessageSource messages;

    DedupeController(
            DedupeScans scans, DuplicateFinder finder, DedupeSettingsService settings, MessageSource messages) {
        this.scans = scans;
        this.finder = finder;
        this.settings = settings;
        this.messages = messages;
    }

    @PostMapping("/scans")
    @Operation(summary = "Start a batch scan of a whole object ({\"object\":\"customer\"}); 202 with the scan")
    ResponseEntity<DedupeScans.Scan> start(TenantContext ctx, @RequestBody JsonNode body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(scans.start(ctx, text(body, "object")));
    }

    @GetMapping("/scans/{id}")
    @Operation(summary = "A scan: status running, done or failed, records scanned, pairs compared and found")
    DedupeScans.Scan scan(TenantContext ctx, @PathVariable UUID id) {
        return scans.get(ctx, id);
    }

    @GetMapping("/scans/{id}/pairs")
    @Operation(
            summary = "The duplicate pairs a scan found, most certain first, each with its reasons (limit up to 1000)")
    Map<String, Object> pairs(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        DedupeScans.PairPage page = scans.pairs(ctx, id, cursor, PageLimits.parse(limit, 100, MAX_PAIRS_PAGE));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", page.data().stream().map(p -> pair(ctx, p)).toList());
        out.put("nextCursor", page.nextCursor());
        return out;
    }

    @PostMapping("/check")
    @Operation(summary = "Existing records that values would duplicate ({\"object\",\"values\":{...}}), with reasons")
    Map<String, Object> check(TenantContext ctx, @RequestBody JsonNode body) {
        Map<String, Object> values = new LinkedHashMap<>();
        body.path("values")
                .properties()
                .forEach(e -> values.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
        List<DuplicateFinder.Match> matches = finder.check(ctx, text(body, "object"), values);
        return Map.of(
                "data",
                matches.stream()
                        .map(m -> Map.of("id", m.id(), "score", m.score(), "reasons", reasons(ctx, m.reasons())))
                        .toList());
    }

    @GetMapping("/settings/{object}")
    @Operation(summary = "The duplicate threshold and what a duplicating write does (off, warn, block) for an object")
    Map<String, Object> getSettings(TenantContext ctx, @PathVariable String object) {
        return json(settings.get(ctx, object));
    }

    @PutMapping("/settings/{object}")
    @Operation(summary = "Change the threshold (1–30) and the write behaviour of an object (admin)")
    Map<String, Object> putSettings(TenantContext ctx, @PathVariable String object, @RequestBody JsonNode body) {
        JsonNode threshold = body.path("threshold");
        BigDecimal value = threshold.isNumber() ? threshold.decimalValue() : null;
        return json(settings.update(ctx, object, value, body.path("onWrite").asString(null)));
    }

    private static Map<String, Object> json(DedupeSettings s) {
        return Map.of(
                "object",
                s.object(),
                "threshold",
                s.threshold(),
                "onWrite",
                s.onWrite().apiName(),
                "version",
                s.version());
    }

    private Map<String, Object> pair(TenantContext ctx, DedupeScans.Pair p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("a", p.a());
        out.put("b", p.b());
        out.put("score", p.score());
        out.put("reasons", reasons(ctx, p.reasons()));
        out.put("via", p.via());
        return out;
    }

    /** Each piece of evidence with a sentence in the caller's language ("same mobile after normalisation"). */
    private List<Map<String, Object>> reasons(TenantContext ctx, List<Evidence> evidence) {
        return evidence.stream()
                .map(e -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("field", e.field());
                    r.put("code", e.code());
                    r.put("weight", e.weight());
                    r.put("message", messages.getMessage("dedupe.reason." + e.code(), null, e.code(), ctx.locale()));
                    return r;
                })
                .toList();
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw ApiException.badRequest(field, "required");
        }
        return node.asString();
    }
}
