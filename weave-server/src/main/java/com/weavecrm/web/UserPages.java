package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserFilter;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** Users: a searchable table with "more" paging, a create form and an edit form (If-Match version). */
@Controller
@RequestMapping("/admin/users")
class UserPages {

    static final int PAGE_SIZE = 50;

    private final UserService users;
    private final UserFormOptions options;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    UserPages(
            UserService users,
            UserFormOptions options,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.users = users;
        this.options = options;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(
            TenantContext ctx,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor) {
        ModelAndView page = new ModelAndView("admin/users");
        fillRows(ctx, page, q, status, cursor);
        page.addObject("section", "users");
        page.addObject("canCreate", permissions.can(ctx, ObjectNames.USER, Action.CREATE));
        return page;
    }

    /** The next rows of the table, for htmx's "more" button. */
    @GetMapping("/rows")
    ModelAndView rows(
            TenantContext ctx,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor) {
        ModelAndView page = new ModelAndView("admin/users :: rows");
        fillRows(ctx, page, q, status, cursor);
        return page;
    }

    @GetMapping("/new")
    ModelAndView newUser(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.USER, Action.CREATE);
        return formPage(ctx, null, new HashMap<>(), List.of(), null);
    }

    @PostMapping
    ModelAndView create(
            TenantContext ctx,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "roles", required = false) List<String> roles) {
        List<String> roleNames = roles == null ? List.of() : roles;
        Body body = Body.create()
                .text("username", params.get("username"))
                .text("displayName", params.get("displayName"))
                .text("password", params.get("password"))
                .text("orgUnitId", params.get("orgUnitId"))
                .text("managerId", params.get("managerId"))
                .put("roles", roleNames)
                .text("phone", params.get("phone"))
                .text("email", params.get("email"));
        try {
            users.create(ctx, body.json(json));
            return new ModelAndView("redirect:/admin/users?toast=user_created");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            Map<String, String> form = new HashMap<>(params);
            form.remove("password");
            return formPage(ctx, null, form, roleNames, e);
        }
    }

    @GetMapping("/{id}")
    ModelAndView edit(TenantContext ctx, @PathVariable UUID id) {
        UserAccount user = users.get(ctx, id);
        return formPage(ctx, user, formOf(user), user.roles(), null);
    }

    @PostMapping("/{id}")
    ModelAndView update(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "roles", required = false) List<String> roles) {
        UserAccount user = users.get(ctx, id);
        List<String> roleNames = roles == null ? List.of() : roles;
        Map<String, String> before = formOf(user);
        Body body = Body.create();
        for (String field : List.of("username", "displayName", "status")) {
            if (!Body.blank(params.get(field)) && !Objects.equals(params.get(field), before.get(field))) {
                body.put(field, params.get(field));
            }
        }
        for (String field : List.of("orgUnitId", "managerId", "phone", "email")) {
            String value = Objects.requireNonNullElse(params.get(field), "");
            if (!value.equals(before.get(field))) {
                body.textOrNull(field, value);
            }
        }
        if (params.containsKey("rolesShown") && !Set.copyOf(roleNames).equals(Set.copyOf(user.roles()))) {
            body.put("roles", roleNames);
        }
        body.text("password", params.get("password"));
        try {
            if (!body.isEmpty()) {
                users.update(ctx, id, body.json(json), params.get("version"));
            }
            return new ModelAndView("redirect:/admin/users/" + id + "?toast=user_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            Map<String, String> form = new HashMap<>(params);
            form.remove("password");
            return formPage(ctx, user, form, roleNames, e);
        }
    }

    private void fillRows(TenantContext ctx, ModelAndView page, String q, String status, String cursor) {
        String query = Body.blank(q) ? null : q.strip();
        String state = UserAccount.ACTIVE.equals(status) || UserAccount.LEFT.equals(status) ? status : null;
        UserService.Page result = users.list(ctx, new UserFilter(query, state, null), cursor, PAGE_SIZE);
        page.addObject("users", result.data());
        page.addObject("nextCursor", result.nextCursor());
        page.addObject("q", query);
        page.addObject("status", state);
        page.addObject("unitNames", options.unitNames(ctx));
        page.addObject("roleLabels", options.roleLabels(ctx));
        page.addObject("firstPage", Body.blank(cursor));
    }

    private ModelAndView formPage(
            TenantContext ctx, UserAccount user, Map<String, String> form, List<String> roles, ApiException problem) {
        ModelAndView page = new ModelAndView("admin/user-form");
        page.addObject("section", "users");
        page.addObject("user", user);
        page.addObject("form", form);
        page.addObject("selectedRoles", roles);
        page.addObject("units", options.units(ctx));
        page.addObject("managers", options.managers(ctx, user == null ? null : user.id()));
        page.addObject("roles", options.roles(ctx));
        page.addObject("canSave", permissions.can(ctx, ObjectNames.USER, user == null ? Action.CREATE : Action.UPDATE));
        return FormErrors.attach(page, problem, messages);
    }

    private static Map<String, String> formOf(UserAccount user) {
        Map<String, String> form = new HashMap<>();
        form.put("username", user.username());
        form.put("displayName", user.displayName());
        form.put("status", user.status());
        form.put("orgUnitId", user.orgUnitId() == null ? "" : user.orgUnitId().toString());
        form.put("managerId", user.managerId() == null ? "" : user.managerId().toString());
        form.put("phone", Objects.requireNonNullElse(user.phone(), ""));
        form.put("email", Objects.requireNonNullElse(user.email(), ""));
        form.put("version", Long.toString(user.version()));
        return form;
    }
}
