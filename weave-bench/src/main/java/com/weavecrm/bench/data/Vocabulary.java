package com.weavecrm.bench.data;

import com.weavecrm.platform.metadata.Regions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The words the generator draws from: surnames weighted by how common they are, given names and
 * company short names from the name corpora (see {@code vocabulary/NOTICE}), and China's districts
 * from the product's own region table.
 */
final class Vocabulary {

    /** The sales regions of the generated company, with the provinces (GB/T 2260) each covers. */
    static final Map<String, List<String>> SALES_REGIONS = Map.of(
            "华东一区", List.of("310000", "320000", "340000"),
            "华东二区", List.of("330000", "370000"),
            "华南大区", List.of("440000", "450000", "350000", "460000"),
            "华北大区", List.of("110000", "120000", "130000", "140000", "150000"),
            "华中大区", List.of("410000", "420000", "430000", "360000"),
            "西南大区", List.of("500000", "510000", "520000", "530000"),
            "西北大区", List.of("610000", "620000", "630000", "640000", "650000"),
            "东北大区", List.of("210000", "220000", "230000"));

    private final String[] surnames;
    private final double[] surnameCumulative;
    private final String[] givenNames;
    private final String[] companies;

    Vocabulary() {
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String line : lines("surnames.tsv")) {
            String[] columns = line.split("\t");
            names.add(columns[0]);
            weights.add(Double.parseDouble(columns[1]));
        }
        surnames = names.toArray(String[]::new);
        surnameCumulative = new double[surnames.length];
        double total = 0;
        for (int i = 0; i < surnames.length; i++) {
            total += weights.get(i);
            surnameCumulative[i] = total;
        }
        for (int i = 0; i < surnames.length; i++) {
            surnameCumulative[i] /= total;
        }
        givenNames = lines("given-names.txt").toArray(String[]::new);
        companies = lines("company-names.txt").toArray(String[]::new);
    }

    String surname(RandomGenerator random) {
        int i = java.util.Arrays.binarySearch(surnameCumulative, random.nextDouble());
        return surnames[Math.min(surnames.length - 1, i < 0 ? -i - 1 : i)];
    }

    String givenName(RandomGenerator random) {
        return givenNames[random.nextInt(givenNames.length)];
    }

    String companyShortName(RandomGenerator random) {
        return companies[random.nextInt(companies.length)];
    }

    /** The districts (county level) under a province, from the product's region table. */
    static List<Regions.Region> districtsOf(String province) {
        List<Regions.Region> districts = new ArrayList<>();
        for (Regions.Region city : Regions.children(province)) {
            List<Regions.Region> below = Regions.children(city.code());
            districts.addAll(below.isEmpty() ? List.of(city) : below);
        }
        return districts;
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream("/vocabulary/" + resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
