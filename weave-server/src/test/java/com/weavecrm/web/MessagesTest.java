package com.weavecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.tenancy.TenantStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages are complete: the same keys, and every key the pages use exists. */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java/com/weavecrm/web");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(ui\\.[A-Za-z0-9_.]+)");
    private static final Pattern LITERAL_MSG = Pattern.compile("#messages\\.msg\\('(ui\\.[A-Za-z0-9_.]+)'\\)");
    private static final Pattern TOAST = Pattern.compile("toast=([a-z_]+)");

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        Set<String> chinese = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(chinese)).containsExactlyElementsOf(new TreeSet<>(english));
    }

    @Test
    void everyKeyUsedByTheTemplatesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file);
                collect(TEMPLATE_KEY, text, used);
                collect(LITERAL_MSG, text, used);
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyNameShownThroughAComposedKeyHasItsText() throws IOException {
        Set<String> keys = load("messages_en.properties").stringPropertyNames();
        List<String> needed = new ArrayList<>();
        for (Action action : Action.values()) {
            needed.add("ui.action." + action.apiName());
        }
        RoleMatrix.SCOPES.forEach(s -> needed.add("ui.scope." + s));
        RoleMatrix.ACCESS_LEVELS.forEach(a -> needed.add("ui.access." + a));
        ObjectNames.ADMINISTRATIVE.forEach(o -> needed.add("ui.object." + o));
        ObjectNames.STANDARD.forEach(o -> needed.add("ui.object." + o));
        needed.add("ui.object.*");
        AuditPages.ACTIONS.forEach(a -> needed.add("ui.audit.action." + a));
        OrgUnitPages.KINDS.forEach(k -> needed.add("ui.kind." + k));
        for (TenantStatus status : TenantStatus.values()) {
            needed.add("ui.tenants.status." + status.dbValue());
        }
        needed.add("ui.status.active");
        needed.add("ui.status.left");
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.toList()) {
                Matcher m = TOAST.matcher(Files.readString(file));
                while (m.find()) {
                    needed.add("ui.toast." + m.group(1));
                }
            }
        }
        assertThat(needed).anyMatch(k -> k.startsWith("ui.toast."));
        assertThat(keys).containsAll(needed);
    }

    private static void collect(Pattern pattern, String text, List<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
