package com.weavecrm.bench.data;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN} in PostgreSQL's text format, in
 * buffers of about a megabyte. {@code FREEZE} writes the rows frozen and all-visible, which is
 * allowed because the loader truncated the table in the same transaction.
 */
final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    CopyWriter(CopyManager copyManager, String table, List<String> columns) throws SQLException {
        this.copy =
                copyManager.copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin with (freeze)");
    }

    void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void append(Object value) {
        switch (value) {
            case null -> buffer.append("\\N");
            case String text -> escape(text);
            case String[] array -> {
                StringBuilder literal = new StringBuilder("{");
                for (int i = 0; i < array.length; i++) {
                    literal.append(i > 0 ? "," : "")
                            .append('"')
                            .append(array[i].replace("\\", "\\\\").replace("\"", "\\\""))
                            .append('"');
                }
                escape(literal.append('}').toString());
            }
            case Instant instant -> buffer.append(instant);
            case Boolean bool -> buffer.append(bool ? 't' : 'f');
            default -> buffer.append(value);
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
        copy.endCopy();
    }
}
