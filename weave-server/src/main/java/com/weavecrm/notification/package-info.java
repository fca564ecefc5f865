/**
 * Notifications: what the product tells a user (a lead assigned to them, a task falling due, a missed
 * deadline). {@link com.weavecrm.notification.Notifications#notify} stores a {@link
 * com.weavecrm.notification.Notice} in the caller's transaction — the user's in-app inbox, pushed live
 * to their open pages ({@link com.weavecrm.notification.NotificationStream}) — and, after the
 * transaction commits, delivers it durably (db-scheduler, retried) by e-mail when SMTP is configured
 * and the user wants it, and to the tenant's group-bot webhooks (WeCom, Feishu, DingTalk) whose kinds
 * include it ({@link com.weavecrm.notification.WebhookChannels}). Task reminders ({@code task_due}) are
 * durable timers kept in step with every write of a task.
 */
package com.weavecrm.notification;
