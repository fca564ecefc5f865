package com.weavecrm.notification.internal;

/**
 * What a group bot posts: a title, a body (may be null) and an absolute link (may be null when the
 * server's public address is not configured).
 */
public record BotMessage(String title, String body, String link) {}
