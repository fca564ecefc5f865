package com.weavecrm.platform.tenancy;

/**
 * What creating a tenant needs: its slug and name, and its first administrator (the password
 * already hashed: no plain password is ever stored, even while provisioning).
 */
public record NewTenant(String slug, String name, String adminUsername, String adminPasswordHash) {}
