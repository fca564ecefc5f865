package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.OrgUnitService;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserFilter;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.tenancy.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a welcome, the tenant's name, a few counts and the way to each admin page. */
@Controller
class HomeController {

    private final PermissionService permissions;
    private final UserService users;
    private final OrgUnitService units;

    HomeController(PermissionService permissions, UserService users, OrgUnitService units) {
        this.permissions = permissions;
        this.users = users;
        this.units = units;
    }

    @GetMapping("/")
    String home(TenantContext ctx, Model model) {
        model.addAttribute("section", "home");
        if (permissions.can(ctx, ObjectNames.USER, Action.READ)) {
            model.addAttribute(
                    "userCount", Integer.toString(users.count(ctx, new UserFilter(null, UserAccount.ACTIVE, null))));
        }
        if (permissions.can(ctx, ObjectNames.ORG_UNIT, Action.READ)) {
            model.addAttribute("unitCount", Integer.toString(units.list(ctx).size()));
        }
        return "home";
    }
}
