package com.weavecrm.platform.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names of tenant schemas and roles. Schemas live in one database, so the slug is enough; roles are
 * shared by every database of a PostgreSQL cluster, so their names also carry a short hash of the
 * database name and two databases on one server never collide.
 */
public final class DatabaseNames {

    public static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    private DatabaseNames() {}

    public static String schemaFor(String slug) {
        requireSlug(slug);
        return "t_" + slug.replace('-', '_');
    }

    public static String roleFor(String database, String slug) {
        requireSlug(slug);
        return "weave_" + shortHash(database) + "_" + slug.replace('-', '_');
    }

    /** Prefix shared by every tenant role of one database (used to clean up test databases). */
    public static String rolePrefix(String database) {
        return "weave_" + shortHash(database) + "_";
    }

    private static void requireSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("not a tenant slug: " + slug);
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
