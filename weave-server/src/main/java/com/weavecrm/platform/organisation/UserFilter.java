package com.weavecrm.platform.organisation;

import java.util.UUID;

/**
 * Which users to list.
 *
 * @param query text searched in username, display name, phone and e-mail (null: no search)
 * @param status {@code active} or {@code left} (null: both)
 * @param orgUnitId only users of this unit (null: any)
 */
public record UserFilter(String query, String status, UUID orgUnitId) {}
