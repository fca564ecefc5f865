package com.weavecrm.api;

import com.weavecrm.platform.search.SearchHit;
import com.weavecrm.platform.search.SearchService;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping
    @Operation(
            summary = "Find records of every object by name, phone, cid, company, e-mail or pinyin (\"zw\" finds 张伟)")
    Map<String, List<SearchHit>> search(
            TenantContext ctx, @RequestParam(required = false) String q, @RequestParam(required = false) String limit) {
        return Map.of("data", search.search(ctx, q, limit == null ? 20 : PageLimits.parse(limit)));
    }
}
