package com.weavecrm.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} speaks only the Prometheus text format; a client that asks for JSON
 * (generic HTTP tools do) gets that format instead of a 406.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class MetricsAcceptFilter extends OncePerRequestFilter {

    private static final String PATH = "/actuator/prometheus";
    private static final String TEXT_FORMAT = "text/plain;version=0.0.4;q=1.0, */*;q=0.1";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getHeader(String name) {
                        return "Accept".equalsIgnoreCase(name) ? TEXT_FORMAT : super.getHeader(name);
                    }

                    @Override
                    public Enumeration<String> getHeaders(String name) {
                        return "Accept".equalsIgnoreCase(name)
                                ? Collections.enumeration(java.util.List.of(TEXT_FORMAT))
                                : super.getHeaders(name);
                    }
                },
                response);
    }
}
