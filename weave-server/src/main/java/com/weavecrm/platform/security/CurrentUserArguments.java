package com.weavecrm.platform.security;

import com.weavecrm.platform.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take the caller as a parameter: a {@link TenantContext} (tenant, user, request id,
 * address, language) or the {@link AuthenticatedUser} itself.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserArguments implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver());
    }

    private static final class Resolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            Class<?> type = parameter.getParameterType();
            return type == TenantContext.class || type == AuthenticatedUser.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer container,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            if (parameter.getParameterType() == AuthenticatedUser.class) {
                return CurrentUser.get();
            }
            return CurrentUser.context(webRequest.getNativeRequest(HttpServletRequest.class));
        }
    }
}
