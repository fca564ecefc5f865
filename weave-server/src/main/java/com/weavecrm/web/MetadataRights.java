package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;

/**
 * What the caller may do in the object manager, so pages show only the buttons that work. Reading
 * is required to open any of its pages; the services check every write again.
 */
public record MetadataRights(boolean create, boolean update, boolean delete) {

    static MetadataRights require(PermissionService permissions, TenantContext ctx) {
        permissions.require(ctx, ObjectNames.METADATA, Action.READ);
        return new MetadataRights(
                permissions.can(ctx, ObjectNames.METADATA, Action.CREATE),
                permissions.can(ctx, ObjectNames.METADATA, Action.UPDATE),
                permissions.can(ctx, ObjectNames.METADATA, Action.DELETE));
    }
}
