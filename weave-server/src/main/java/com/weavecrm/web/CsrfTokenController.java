package com.weavecrm.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A fresh CSRF token for the form about to be submitted ({@code static/js/app.js} asks for it).
 *
 * <p>Why: the page chain is stateless, so Spring Security treats every signed-in request as a new
 * authentication and replaces the CSRF token each time — a stylesheet, an htmx fragment or a page in
 * another tab loaded after a form was rendered leaves that form's token stale. Until the security
 * configuration stops replacing the token (see the UI's report), forms fetch a current one just
 * before they are sent; this request itself sets the matching cookie.
 */
@Controller
class CsrfTokenController {

    @GetMapping(value = "/csrf", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> token(CsrfToken token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token.getToken());
    }
}
