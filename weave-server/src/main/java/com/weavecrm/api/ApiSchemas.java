package com.weavecrm.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The request bodies of the API as OpenAPI shows them. Controllers read bodies as JSON trees so that
 * services can report every offending field at once; these records only document the shape.
 */
final class ApiSchemas {

    private ApiSchemas() {}

    @Schema(name = "LoginRequest")
    record Login(
            @Schema(example = "default") String tenant,
            @Schema(example = "admin") String username,
            String password) {}

    @Schema(name = "OrgUnitInput")
    record OrgUnitInput(
            @Schema(example = "静安店", maxLength = 100) String name,
            @Schema(description = "defaults to the root") UUID parentId,

            @Schema(example = "store", description = "hq, region, store, team or the tenant's own kind")
            String kind,

            Integer sortOrder) {}

    @Schema(name = "UserInput")
    record UserInput(
            @Schema(example = "wangfang", pattern = "[A-Za-z0-9][A-Za-z0-9._@-]{1,63}")
            String username,

            @Schema(example = "王芳") String displayName,

            @Schema(minLength = 8, maxLength = 128, writeOnly = true)
            String password,

            UUID orgUnitId,
            @Schema(example = "[\"sales\"]") List<String> roles,
            UUID managerId,
            @Schema(example = "138 0013 8000") String phone,
            String email,
            @Schema(allowableValues = {"active", "left"}) String status,
            @Schema(allowableValues = {"zh-CN", "en"}) String locale) {}

    @Schema(name = "WebFormInput")
    record WebFormInput(
            @Schema(example = "少儿编程试听") String name,

            @Schema(description = "lead fields shown, in order: [{\"field\": \"phone\", \"required\": true}]")
            List<WebFormField> fields,

            @Schema(description = "a value of the lead's channel picklist; default web_form")
            String channel,

            String campaign,

            @Schema(description = "the consent checkbox's text; none: no checkbox")
            String consentText,

            String thankYou,
            boolean active) {}

    @Schema(name = "WebFormField")
    record WebFormField(@Schema(example = "phone") String field, boolean required) {}

    @Schema(name = "RoleInput")
    record RoleInput(
            @Schema(example = "trainer", pattern = "[a-z][a-z0-9_]{1,40}")
            String apiName,

            @Schema(description = "a string, or {\"zh-CN\": \"...\", \"en\": \"...\"}")
            Object label,

            String description,
            List<PermissionInput> permissions,
            List<FieldAccessInput> fieldAccess) {}

    @Schema(name = "PermissionInput")
    record PermissionInput(
            @Schema(example = "customer", description = "an object api name, or * for every object")
            String object,

            @Schema(example = "[\"read\",\"update\"]") List<String> actions,

            @Schema(allowableValues = {"own", "team", "unit", "all"})
            String scope) {}

    @Schema(name = "FieldAccessInput")
    record FieldAccessInput(
            @Schema(example = "customer") String object,
            @Schema(example = "idNumber") String field,

            @Schema(allowableValues = {"hidden", "read_only", "editable"})
            String access) {}

    @Schema(name = "SettingsInput")
    record SettingsInput(
            String name,
            @Schema(example = "Asia/Shanghai") String timezone,
            @Schema(example = "CNY") String currency,
            @Schema(allowableValues = {"zh-CN", "en"}) String defaultLocale) {}

    @Schema(name = "ProfileInput")
    record ProfileInput(
            String displayName,
            @Schema(allowableValues = {"zh-CN", "en"}) String locale,
            String phone,
            String email) {}

    @Schema(name = "PasswordChange")
    record PasswordChange(
            String currentPassword,
            @Schema(minLength = 8, maxLength = 128) String newPassword) {}

    @Schema(name = "TokenInput")
    record TokenInput(
            @Schema(example = "门店 POS") String name,

            @Schema(description = "default: 90 days from now; at most a year")
            OffsetDateTime expiresAt) {}

    @Schema(name = "TenantInput")
    record TenantInput(
            @Schema(example = "kangyuan", pattern = "[a-z][a-z0-9-]{1,30}")
            String slug,

            @Schema(example = "康源健康食品") String name,
            @Schema(example = "admin") String adminUsername,
            @Schema(minLength = 8) String adminPassword) {}

    @Schema(name = "ObjectInput")
    record ObjectInput(
            @Schema(example = "trial_lesson", pattern = "[a-z][a-z0-9_]{1,40}")
            String apiName,

            @Schema(description = "a string, or {\"zh-CN\": \"...\", \"en\": \"...\"}")
            Object label,

            Object labelPlural,
            String description) {}

    @Schema(name = "FieldInput")
    record FieldInput(
            @Schema(example = "lesson_date", pattern = "[a-z][a-z0-9_]{1,40}")
            String apiName,

            Object label,

            @Schema(
                    allowableValues = {
                        "text",
                        "long_text",
                        "integer",
                        "decimal",
                        "money",
                        "percent",
                        "boolean",
                        "date",
                        "datetime",
                        "picklist",
                        "multi_picklist",
                        "phone",
                        "email",
                        "url",
                        "region",
                        "lookup",
                        "user",
                        "formula",
                        "rollup",
                        "auto_number"
                    })
            String type,

            Boolean required,
            Boolean unique,
            Integer maxLength,
            Integer scale,

            @Schema(description = "picklists: [{value, label, color}] in order")
            List<Object> values,

            @Schema(description = "lookups: the target object's apiName")
            String target,

            @Schema(description = "formulas: a CEL expression")
            String expression,

            @Schema(description = "auto numbers, e.g. TL-{0000}")
            String pattern,

            String helpText,
            Integer sortOrder) {}

    @Schema(name = "MergeInput")
    record MergeInput(
            @Schema(example = "customer", description = "the object's api name")
            String object,

            UUID survivorId,

            @Schema(description = "1 to 10 records folded into the survivor (not the survivor itself)")
            List<UUID> mergedIds,

            @Schema(description = "the survivor's values chosen per field (api name to value), as a PATCH body")
            Map<String, Object> values,

            @Schema(description = "the survivor's version the caller saw (or If-Match); stale: 409")
            Long version,

            @Schema(description = "versions of merged records the caller saw, by id; stale: 409")
            Map<String, Long> mergedVersions) {}

    @Schema(name = "PoolInput")
    record PoolInput(
            @Schema(example = "线索公海", maxLength = 100) String name,

            @Schema(
                    allowableValues = {"lead", "customer"},
                    description = "fixed once created")
            String object,

            @Schema(
                    example = "status in [\"new\", \"contacted\"]",
                    description = "which records the pool takes back: a filter (CEL) over the record's fields; "
                            + "empty: every record")
            String condition,

            @Schema(
                    minimum = "1",
                    maximum = "3650",
                    description = "days without activity and without change after which a record returns")
            Integer inactiveDays,

            @Schema(
                    description = "role api names whose holders may claim; with claimUnits empty too: everyone "
                            + "who may read the object")
            List<String> claimRoles,

            @Schema(description = "org units whose members (and those of the units below) may claim")
            List<UUID> claimUnits,

            @Schema(minimum = "1", maximum = "10000", description = "claims per user and day (default 20)")
            Integer dailyClaimLimit,

            @Schema(
                    minimum = "0",
                    maximum = "3650",
                    description = "days the previous owner waits before claiming a record back (0: no wait)")
            Integer previousOwnerWaitDays,

            @Schema(description = "false: the pool reclaims nothing (its records can still be claimed)")
            Boolean active) {}

    @Schema(name = "PoolReturn")
    record PoolReturn(
            @Schema(example = "lead", description = "the pool's object")
            String object,

            @Schema(description = "1 to 200 records") List<UUID> recordIds,
            @Schema(example = "客户暂无需求", maxLength = 500) String reason) {}

    @Schema(name = "HandOverInput")
    record HandOverInput(
            @Schema(description = "the receiver: an active user of the tenant; null or absent: the leaver's manager")
            UUID to,

            @Schema(description = "also set the leaver's status to left (default false)")
            Boolean markLeft) {}

    @Schema(name = "WebhookChannelInput")
    record WebhookChannelInput(
            @Schema(example = "华东销售群", maxLength = 100) String name,

            @Schema(allowableValues = {"wecom", "feishu", "dingtalk"})
            String platform,

            @Schema(
                    example = "https://oapi.dingtalk.com/robot/send?access_token=...",
                    description = "https on the platform's own host (qyapi.weixin.qq.com, open.feishu.cn or "
                            + "open.larksuite.com, oapi.dingtalk.com) or an origin of weave.webhooks.extra-allowed-hosts;"
                            + " shown masked")
            String url,

            @Schema(
                    writeOnly = true,
                    description = "Feishu and DingTalk signing secret (加签); never returned; null removes it")
            String secret,

            @Schema(
                    example = "[\"lead_assigned\", \"sla_breach\"]",
                    description = "notification kinds, or \"*\" for all")
            List<String> kinds,

            Boolean enabled) {}

    @Schema(name = "NotificationPreferencesInput")
    record NotificationPreferencesInput(
            @Schema(description = "also send notifications by e-mail (when the server has SMTP)")
            Boolean email) {}

    @Schema(name = "NotificationSettingsInput")
    record NotificationSettingsInput(
            @Schema(
                    minimum = "0",
                    maximum = "10080",
                    description = "minutes before a task's due time its assignee is reminded")
            Integer taskReminderMinutes) {}

    @Schema(name = "AssignmentRuleInput")
    record AssignmentRuleInput(
            @Schema(example = "上海官网线索", maxLength = 100) String name,

            @Schema(description = "evaluated when true (default)")
            Boolean active,

            @Schema(
                    example = "channel == \"web_form\" && region.startsWith(\"31\")",
                    description = "CEL over the lead; must compile to true/false (default: true)")
            String condition,

            @Schema(
                    allowableValues = {
                        "round_robin",
                        "weighted",
                        "least_loaded",
                        "territory",
                        "queue",
                        "owner_of_existing_customer"
                    })
            String strategy,

            @Schema(description = "the queue's name (strategy queue); its first available member owns the leads")
            String queue,

            @Schema(description = "the active users of this org unit and the units below it join the pool")
            UUID orgUnitId,

            List<AssignmentMemberInput> members,

            @Schema(description = "at most this many leads a day per member (1–10000); null: no cap")
            Integer dailyCap,

            @Schema(description = "skip members outside the tenant's working hours")
            Boolean workingHoursOnly) {}

    @Schema(name = "AssignmentMemberInput")
    record AssignmentMemberInput(
            UUID userId,

            @Schema(description = "1–100, for the weighted strategy (default 1)")
            Integer weight) {}

    @Schema(name = "AssignmentRuleOrder")
    record AssignmentRuleOrder(
            @Schema(description = "every rule's id, first evaluated first")
            List<UUID> ids) {}

    @Schema(name = "AssignmentTest")
    record AssignmentTest(
            @Schema(
                    example = "{\"channel\": \"web_form\", \"region\": \"310104\", \"amount\": 50000}",
                    description = "the lead's values by name, as a condition sees them")
            Map<String, Object> lead,

            @Schema(description = "the owner of the customer the person matched, if any")
            UUID existingCustomerOwnerId) {}

    @Schema(name = "AssignmentSettingsInput")
    record AssignmentSettingsInput(
            @Schema(description = "the default queue's owner; null: the tenant's first administrator")
            UUID defaultOwnerId,

            @Schema(description = "a lead of an existing customer goes to the customer's owner before any rule")
            Boolean keepExistingOwner,

            WorkingHoursInput workingHours) {}

    @Schema(name = "WorkingHoursInput")
    record WorkingHoursInput(
            @Schema(example = "[1, 2, 3, 4, 5]", description = "ISO days, 1 = Monday")
            List<Integer> days,

            @Schema(example = "09:00") String from,
            @Schema(example = "18:00") String to) {}

    @Schema(name = "AbsenceInput")
    record AbsenceInput(
            UUID userId,

            @Schema(example = "2026-12-01", description = "a date (tenant time zone) or a date-time with offset")
            String from,

            @Schema(example = "2026-12-03", description = "a date (that whole day included) or a date-time")
            String to,

            @Schema(example = "年假", maxLength = 200) String note) {}
}
