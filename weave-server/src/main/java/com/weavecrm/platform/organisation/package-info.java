/**
 * The organisation of a tenant: the org-unit tree (HQ, regions, stores, teams — names and depth
 * chosen by the tenant), users with their unit, manager and roles, the roles themselves with their
 * permissions and field rules, built-in role templates, and the tenant's settings.
 */
package com.weavecrm.platform.organisation;
