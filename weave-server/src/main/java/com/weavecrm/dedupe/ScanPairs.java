package com.weavecrm.dedupe;

import com.weavecrm.dedupe.internal.ScanRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A found pair to and from its stored form: {@code {"evidence":[{"field","code","weight"}],"via"}}. */
final class ScanPairs {

    private final JsonMapper json;

    ScanPairs(JsonMapper json) {
        this.json = json;
    }

    ScanRepository.StoredPair write(int seq, DedupeScans.Pair pair) {
        Map<String, Object> reasons = new LinkedHashMap<>();
        reasons.put("evidence", pair.reasons());
        reasons.put("via", pair.via());
        return new ScanRepository.StoredPair(
                seq,
                pair.a(),
                pair.b(),
                BigDecimal.valueOf(pair.score()).setScale(2, RoundingMode.HALF_UP),
                json.writeValueAsString(reasons));
    }

    DedupeScans.Pair read(ScanRepository.StoredPair stored) {
        JsonNode node = json.readTree(stored.reasons());
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode e : node.path("evidence")) {
            evidence.add(new Evidence(
                    e.path("field").asString(),
                    e.path("code").asString(),
                    e.path("weight").asDouble()));
        }
        JsonNode via = node.path("via");
        return new DedupeScans.Pair(
                stored.a(),
                stored.b(),
                stored.score().doubleValue(),
                evidence,
                via.isNull() || via.isMissingNode() ? null : UUID.fromString(via.asString()));
    }
}
