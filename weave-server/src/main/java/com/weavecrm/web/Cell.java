package com.weavecrm.web;

import java.util.List;

/**
 * One value as a page shows it: {@code kind} is text, badge (with its colour), badges, link (with its
 * address), yes/no or empty.
 */
public record Cell(String kind, String text, String color, String href, List<Cell> items) {

    static final Cell EMPTY = new Cell("empty", "—", null, null, List.of());

    static Cell text(String text) {
        return new Cell("text", text, null, null, List.of());
    }

    static Cell badge(String text, String color) {
        return new Cell("badge", text, color, null, List.of());
    }

    static Cell link(String text, String href) {
        return new Cell("link", text, null, href, List.of());
    }

    static Cell badges(List<Cell> items) {
        return new Cell("badges", "", null, null, items);
    }

    /** The colour as a CSS value, only when it is a plain hex colour (it goes into a style attribute). */
    public String safeColor() {
        return color != null && color.matches("#[0-9a-fA-F]{3,8}") ? color : null;
    }
}
