package com.weavecrm.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.weavecrm.dedupe.internal.DedupeDatasets;
import com.weavecrm.support.ApiClient;
import com.weavecrm.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The matcher's quality through the product, on the shared development sets (when the checkout sits
 * next to {@code shared/datasets}): records loaded through the records API as the acceptance check
 * does, a batch scan, and precision, recall and F1 of the pairs against the ground truth.
 */
class DedupeDatasetsIT extends IntegrationTest {

    @Test
    void chineseVariants() throws Exception {
        Path file = dataset("cn_customer_dedupe_dev/records.csv");
        DedupeDatasets.Score score = scan(DedupeDatasets.chinese(file));
        assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void febrl() throws Exception {
        Path file = dataset("febrl/dataset3.csv");
        DedupeDatasets.Score score = scan(DedupeDatasets.febrl(file));
        assertThat(score.f1()).as(score.toString()).isGreaterThanOrEqualTo(0.99);
    }

    private static Path dataset(String name) {
        Path root = DedupeDatasets.root();
        assumeTrue(
                root != null && Files.exists(root.resolve(name)),
                "shared/datasets/" + name + " is not next to this checkout");
        return root.resolve(name);
    }

    private DedupeDatasets.Score scan(DedupeDatasets.Dataset data) throws Exception {
        ApiClient admin = newTenant().admin();
        Map<String, Integer> row = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < data.ids().size(); i++) {
                String external = data.ids().get(i);
                Map<String, Object> values = data.values().get(i);
                ids.add(pool.submit(() -> admin.send(
                                "PUT",
                                "/api/v1/objects/customer/records/by-external-id/"
                                        + URLEncoder.encode(external, StandardCharsets.UTF_8),
                                values,
                                Map.of())
                        .string("id")));
            }
            for (int i = 0; i < ids.size(); i++) {
                row.put(ids.get(i).get(), i);
            }
        }
        JsonNode scan =
                DuplicatesIT.finished(admin, admin.post("/api/v1/dedupe/scans", ApiClient.map("object", "customer")));
        assertThat(scan.path("status").asString()).isEqualTo("done");
        List<long[]> pairs = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = admin.get("/api/v1/dedupe/scans/" + scan.path("id").asString() + "/pairs?limit=1000"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.path("data")
                    .forEach(p -> pairs.add(new long[] {
                        row.get(p.path("a").asString()), row.get(p.path("b").asString())
                    }));
            cursor = page.path("nextCursor").isNull()
                    ? null
                    : page.path("nextCursor").asString();
        } while (cursor != null);
        DedupeDatasets.Score score = DedupeDatasets.score(data, pairs);
        System.out.println("dedupe " + score);
        return score;
    }
}
