package com.weavecrm.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Loads the CSRF token before a page starts rendering, so its cookie is written while the response
 * headers are still open (the token is deferred, and a long page may commit them before a form asks).
 */
@Configuration(proxyBeanMethods = false)
class WebPagesConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                            token.getToken();
                        }
                        return true;
                    }
                })
                .excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**", "/img/**");
    }
}
