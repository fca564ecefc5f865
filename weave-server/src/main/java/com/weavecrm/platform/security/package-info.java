/**
 * Authentication: Argon2id passwords, sign-in with lockout and throttling, opaque bearer tokens
 * (login tokens, UI sessions and personal API tokens, stored only as hashes), the filters that turn
 * a token or session cookie into the caller's identity, and the HTTP security setup (CSRF for forms,
 * security headers).
 */
package com.weavecrm.platform.security;
