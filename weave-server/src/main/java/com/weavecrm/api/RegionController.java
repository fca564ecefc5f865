package com.weavecrm.api;

import com.weavecrm.platform.metadata.Regions;
import com.weavecrm.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions")
class RegionController {

    /** A division with the names from its province down. */
    record RegionView(String code, String name, String parent, String path) {
        static RegionView of(Regions.Region region) {
            return new RegionView(region.code(), region.name(), region.parent(), Regions.path(region.code()));
        }
    }

    @GetMapping
    @Operation(
            summary = "China's provinces, or the cities or districts directly below ?parent= (values of region fields)")
    Map<String, List<RegionView>> children(@RequestParam(required = false) String parent) {
        if (parent != null && Regions.find(parent).isEmpty()) {
            throw ApiException.badRequest("parent", "unknown_region");
        }
        return Map.of(
                "data", Regions.children(parent).stream().map(RegionView::of).toList());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One province, city or district by its six-digit code")
    RegionView one(@PathVariable String code) {
        return Regions.find(code).map(RegionView::of).orElseThrow(ApiException::notFound);
    }
}
