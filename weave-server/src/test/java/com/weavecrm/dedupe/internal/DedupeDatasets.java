package com.weavecrm.dedupe.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the shared de-duplication sets ({@code ../shared/datasets}) the way the acceptance check loads
 * them into customers, and scores found pairs against their ground truth.
 */
public final class DedupeDatasets {

    /** Records as customer values, and each record's entity. */
    public record Dataset(List<String> ids, List<Map<String, Object>> values, List<String> entities) {}

    public record Score(double precision, double recall, double f1, int predicted, int truePairs) {}

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = dir.resolveSibling("shared/datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static Dataset chinese(Path file) throws IOException {
        Dataset d = new Dataset(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (CSVRecord r : read(file)) {
            Map<String, Object> v = new LinkedHashMap<>();
            put(v, "name", r.get("name"));
            put(v, "company", r.get("company"));
            put(v, "phone", r.get("phone"));
            put(v, "email", r.get("email"));
            put(v, "wechatId", r.get("wechat_id"));
            put(v, "address", (r.get("city") + " " + r.get("address")).strip());
            d.ids().add(r.get("rec_id"));
            d.values().add(v);
            d.entities().add(r.get("entity_id"));
        }
        return d;
    }

    public static Dataset febrl(Path file) throws IOException {
        Dataset d = new Dataset(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (CSVRecord r : read(file)) {
            String id = r.get("rec_id").strip();
            Map<String, Object> v = new LinkedHashMap<>();
            put(v, "name", (r.get("given_name").strip() + " " + r.get("surname").strip()).strip());
            List<String> parts = new ArrayList<>();
            for (String c : List.of("street_number", "address_1", "address_2", "suburb", "state", "postcode")) {
                if (!r.get(c).isBlank()) {
                    parts.add(r.get(c));
                }
            }
            put(v, "address", String.join(" ", parts));
            put(v, "idNumber", r.get("soc_sec_id").strip());
            String dob = r.get("date_of_birth").strip();
            if (dob.matches("\\d{8}")
                    && dob.substring(4, 6).compareTo("01") >= 0
                    && dob.substring(4, 6).compareTo("12") <= 0
                    && dob.substring(6).compareTo("01") >= 0
                    && dob.substring(6).compareTo("28") <= 0) {
                put(v, "birthday", dob.substring(0, 4) + "-" + dob.substring(4, 6) + "-" + dob.substring(6));
            }
            d.ids().add(id);
            d.values().add(v);
            d.entities().add(id.split("-")[1]);
        }
        return d;
    }

    static List<Profile> profiles(Dataset d) {
        Profiles builder = new Profiles();
        List<Profile> out = new ArrayList<>();
        for (int i = 0; i < d.values().size(); i++) {
            out.add(builder.of(new UUID(0, i), d.values().get(i)));
        }
        return out;
    }

    public static Score score(Dataset d, List<long[]> pairs) {
        Map<String, Integer> sizes = new HashMap<>();
        d.entities().forEach(e -> sizes.merge(e, 1, Integer::sum));
        long truePairs =
                sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        long correct = pairs.stream()
                .filter(p -> d.entities().get((int) p[0]).equals(d.entities().get((int) p[1])))
                .count();
        double precision = pairs.isEmpty() ? 0 : (double) correct / pairs.size();
        double recall = (double) correct / truePairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1, pairs.size(), (int) truePairs);
    }

    private static Iterable<CSVRecord> read(Path file) throws IOException {
        Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .get()
                .parse(in);
    }

    private static void put(Map<String, Object> v, String field, String value) {
        if (value != null && !value.isBlank()) {
            v.put(field, value);
        }
    }
}
