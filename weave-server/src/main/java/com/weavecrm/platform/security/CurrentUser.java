package com.weavecrm.platform.security;

import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in caller of the current request, and the tenant context their work runs in. */
public final class CurrentUser {

    private CurrentUser() {}

    public static AuthenticatedUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return user;
        }
        throw ApiException.unauthorized();
    }

    public static TenantContext context(HttpServletRequest request) {
        AuthenticatedUser user = get();
        return new TenantContext(
                user.tenant(),
                user.userId(),
                user.securityVersion(),
                user.metadataVersion(),
                RequestIdFilter.of(request),
                request.getRemoteAddr(),
                user.locale());
    }
}
