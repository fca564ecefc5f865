package com.weavecrm.platform.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * China's administrative divisions — provinces, cities and districts with their six-digit GB/T 2260
 * codes — shipped with the server ({@code regions/cn-regions.tsv}). A {@code region} field holds one
 * of these codes, at any of the three levels.
 */
public final class Regions {

    /** A division: its code, its name and its parent's code (null for a province). */
    public record Region(String code, String name, String parent) {}

    private static final Map<String, Region> BY_CODE = load();

    private Regions() {}

    public static Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** Every division, provinces first. */
    public static java.util.Collection<Region> all() {
        return BY_CODE.values();
    }

    /** The provinces when {@code parent} is null, otherwise the divisions directly below it, by code. */
    public static List<Region> children(String parent) {
        return BY_CODE.values().stream()
                .filter(r -> parent == null ? r.parent() == null : parent.equals(r.parent()))
                .toList();
    }

    /** The names from the province down, e.g. {@code 上海市 / 市辖区 / 黄浦区}. */
    public static String path(String code) {
        List<String> names = new ArrayList<>();
        for (Region r = BY_CODE.get(code); r != null; r = r.parent() == null ? null : BY_CODE.get(r.parent())) {
            names.addFirst(r.name());
        }
        return String.join(" / ", names);
    }

    private static Map<String, Region> load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("/regions/cn-regions.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                regions.put(columns[0], new Region(columns[0], columns[1], columns[2].isEmpty() ? null : columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(regions);
    }
}
