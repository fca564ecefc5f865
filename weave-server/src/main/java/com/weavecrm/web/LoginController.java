package com.weavecrm.web;

import com.weavecrm.platform.organisation.ProfileService;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.security.IssuedToken;
import com.weavecrm.platform.security.LoginService;
import com.weavecrm.platform.security.SessionCookie;
import com.weavecrm.platform.security.TokenKind;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import com.weavecrm.platform.web.RequestIdFilter;
import com.weavecrm.platform.web.RequestLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** Signing in and out with a form: a session cookie on success, the localized problem on failure. */
@Controller
class LoginController {

    private static final Set<String> FIELDS = Set.of("tenant", "username", "password");
    /** The cookie of Spring Security's {@code CookieCsrfTokenRepository}. */
    private static final String CSRF_COOKIE = "XSRF-TOKEN";

    private final LoginService login;
    private final ProfileService profiles;
    private final SessionCookie sessionCookie;
    private final MessageSource messages;
    private final JsonMapper json;

    LoginController(
            LoginService login,
            ProfileService profiles,
            SessionCookie sessionCookie,
            MessageSource messages,
            JsonMapper json) {
        this.login = login;
        this.profiles = profiles;
        this.sessionCookie = sessionCookie;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/login")
    String form(
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String tenant,
            Model model,
            HttpServletResponse response) {
        if (lang != null) {
            ResponseCookie cookie = ResponseCookie.from(
                            RequestLocales.COOKIE, RequestLocales.toTag(RequestLocales.fromTag(lang)))
                    .path("/")
                    .httpOnly(true)
                    .sameSite("Lax")
                    .maxAge(Duration.ofDays(365))
                    .build();
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
            return "redirect:/login";
        }
        if (PageContext.signedIn() != null) {
            return "redirect:/";
        }
        model.addAttribute("tenant", tenant == null || tenant.isBlank() ? "default" : tenant);
        return "login";
    }

    @PostMapping("/login")
    ModelAndView signIn(
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            JsonInput in = JsonInput.of(
                    json.valueToTree(Map.of(
                            "tenant", nullToEmpty(tenant),
                            "username", nullToEmpty(username),
                            "password", nullToEmpty(password))),
                    FIELDS);
            in.requiredText("tenant", 64);
            in.requiredText("username", 128);
            in.requiredText("password", 1024);
            in.finish();
            IssuedToken token = login.login(
                    new LoginService.Attempt(
                            tenant.strip(),
                            username.strip(),
                            password,
                            request.getRemoteAddr(),
                            RequestIdFilter.of(request)),
                    TokenKind.SESSION);
            sessionCookie.write(response, token.secret());
            // a new CSRF token after signing in: the one used on the login form is not carried over
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    ResponseCookie.from(CSRF_COOKIE, "")
                            .path("/")
                            .maxAge(Duration.ZERO)
                            .build()
                            .toString());
            return new ModelAndView("redirect:/");
        } catch (ApiException e) {
            ModelAndView page = new ModelAndView("login");
            page.addObject("tenant", tenant == null || tenant.isBlank() ? "default" : tenant);
            page.addObject("username", username);
            page.addObject("errors", FormErrors.of(e, messages, LocaleContextHolder.getLocale()));
            page.setStatus(e.status());
            return page;
        }
    }

    @PostMapping("/logout")
    String signOut(TenantContext ctx, AuthenticatedUser user, HttpServletResponse response) {
        profiles.logout(ctx, user.tokenId());
        sessionCookie.clear(response);
        return "redirect:/login?logout";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
