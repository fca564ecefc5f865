package com.weavecrm.web;

import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One item of an ordered list (rules tried in order) moved up or down by its row's arrow buttons. */
final class Reordering {

    private Reordering() {}

    /** The ids in their new order; empty when the item is already first (up) or last (down); 404 when absent. */
    static Optional<List<String>> moved(List<String> ids, String id, String direction) {
        List<String> order = new ArrayList<>(ids);
        int at = order.indexOf(id);
        if (at < 0) {
            throw ApiException.notFound();
        }
        int to = "up".equals(direction) ? at - 1 : at + 1;
        if (to < 0 || to >= order.size()) {
            return Optional.empty();
        }
        order.add(to, order.remove(at));
        return Optional.of(order);
    }
}
