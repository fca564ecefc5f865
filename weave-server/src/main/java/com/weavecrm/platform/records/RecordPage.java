package com.weavecrm.platform.records;

import java.util.List;
import java.util.Map;

/**
 * A page of records: {@code data}, the cursor of the next page (null at the end) and, when asked,
 * the total (exact up to 10,000, else an estimate with {@code totalIsEstimate}).
 */
public record RecordPage(List<Map<String, Object>> data, String nextCursor, Long total, Boolean totalIsEstimate) {}
