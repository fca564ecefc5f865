package com.weavecrm.platform.organisation;

import java.util.List;

/** Actions a role may take on an object, within one scope (the API's shape of a permission). */
public record RolePermission(String object, List<String> actions, String scope) {}
