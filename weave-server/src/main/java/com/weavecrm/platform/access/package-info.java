/**
 * Who may do what: per role and object, each action (read, create, update, delete, export, import)
 * with a data scope (own, team, unit, all), and per role and field an access level (hidden,
 * read-only, editable). {@link com.weavecrm.platform.access.PermissionService} is the one place the
 * records layer and every admin service ask, for every read, filter, sort, write and export.
 */
package com.weavecrm.platform.access;
