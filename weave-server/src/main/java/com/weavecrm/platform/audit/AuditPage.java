package com.weavecrm.platform.audit;

import java.util.List;

/** A page of audit entries, newest first, and the cursor of the next page (null at the end). */
public record AuditPage(List<AuditEntry> data, String nextCursor) {}
