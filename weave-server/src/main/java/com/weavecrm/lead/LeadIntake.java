package com.weavecrm.lead;

import com.weavecrm.assignment.AssignmentDecision;
import com.weavecrm.assignment.LeadAssignment;
import com.weavecrm.attribution.Attribution;
import com.weavecrm.dedupe.DuplicateFinder;
import com.weavecrm.dedupe.Evidence;
import com.weavecrm.lead.internal.IntakeRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.PicklistValue;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes a lead in, in one transaction: matches the person to an existing customer (the real-time
 * duplicate check) or creates the customer, gives the lead an owner by the tenant's assignment rules
 * ({@link LeadAssignment}: the existing customer's owner, the first rule that finds someone available,
 * else the default queue), creates the lead, and stores where it came from with the trace of every
 * step. The same content from the same submitter within a minute is answered with the first result.
 */
@Service
public class LeadIntake {

    private static final Duration REPEAT_WINDOW = Duration.ofMinutes(1);
    private static final List<String> CUSTOMER_FIELDS = List.of("name", "company", "phone", "email", "wechatId");

    private final TenantTx tx;
    private final MetadataService metadata;
    private final RecordService records;
    private final RecordWriter writer;
    private final DuplicateFinder duplicates;
    private final IntakeRepository intakes;
    private final LeadAssignment assignment;
    private final PermissionService permissions;
    private final Attribution attribution;
    private final LeadNotices notices;
    private final JsonMapper json;
    private final Clock clock;

    public LeadIntake(
            TenantTx tx,
            MetadataService metadata,
            RecordService records,
            RecordWriter writer,
            DuplicateFinder duplicates,
            IntakeRepository intakes,
            LeadAssignment assignment,
            PermissionService permissions,
            Attribution attribution,
            LeadNotices notices,
            JsonMapper json,
            Clock clock) {
        this.tx = tx;
        this.metadata = metadata;
        this.records = records;
        this.writer = writer;
        this.duplicates = duplicates;
        this.intakes = intakes;
        this.assignment = assignment;
        this.permissions = permissions;
        this.attribution = attribution;
        this.notices = notices;
        this.json = json;
        this.clock = clock;
    }

    public IntakeResult intake(TenantContext ctx, JsonNode body) {
        return intake(ctx, body, null);
    }

    /**
     * An intake from {@code source} (a web form; null for an API caller): the same steps, with the form
     * kept with the intake and named in its trace.
     */
    public IntakeResult intake(TenantContext ctx, JsonNode body, IntakeSource source) {
        Set<String> custom = IntakeFields.custom(metadata.object(ctx, "lead")).stream()
                .map(FieldDef::apiName)
                .collect(Collectors.toSet());
        IntakeRequest request = IntakeRequest.read(body, custom);
        String hash = contentHash(ctx, request, source);
        return tx.call(ctx, dsl -> {
            Optional<IntakeRepository.Intake> repeat = intakes.recent(
                    dsl, ctx.tenant(), hash, OffsetDateTime.now(clock).minus(REPEAT_WINDOW));
            if (repeat.isPresent()) {
                return result(repeat.get(), true);
            }
            List<Map<String, Object>> trace = new ArrayList<>();
            ObjectDef lead = metadata.object(ctx, "lead");
            String channel = channel(lead, request.fields().get("channel"));
            trace.add(step(
                    "received",
                    "channel",
                    channel,
                    "utm",
                    request.utm(),
                    "consent",
                    request.consent(),
                    "hints",
                    request.hints().isEmpty() ? null : request.hints(),
                    "form",
                    source == null ? null : Map.of("id", source.formId(), "name", source.formName())));
            Map<String, Object> person = new LinkedHashMap<>();
            CUSTOMER_FIELDS.forEach(f -> person.put(f, request.fields().get(f)));
            ObjectDef customer = metadata.object(ctx, "customer");
            List<DuplicateFinder.Match> matches = duplicates.find(dsl, ctx, customer, person, null);
            UUID customerId;
            UUID duplicateOf = null;
            UUID existingOwner = null;
            Map<String, Object> assignable = assignable(request, channel);
            if (!matches.isEmpty()) {
                DuplicateFinder.Match best = matches.getFirst();
                customerId = duplicateOf = best.id();
                trace.add(step(
                        "matched_customer",
                        "customerId",
                        customerId,
                        "score",
                        best.score(),
                        "reasons",
                        best.reasons().stream()
                                .filter(e -> e.weight() > 0)
                                .map(Evidence::code)
                                .toList()));
                Map<String, Object> existing = records.get(ctx, "customer", customerId);
                Object owner = existing.get("ownerId");
                existingOwner = owner == null ? null : UUID.fromString(owner.toString());
                for (String known : List.of("region", "industry", "storeId")) {
                    if (existing.get(known) != null) {
                        assignable.putIfAbsent(known, existing.get(known).toString());
                    }
                }
            } else {
                customerId = null; // created once the lead's owner is known
            }
            int customerStep = trace.size();
            AssignmentDecision decision = assignment.assign(dsl, ctx, assignable, existingOwner);
            trace.addAll(decision.trace());
            UUID ownerId = decision.ownerId() == null ? ctx.userId() : decision.ownerId();
            if (customerId == null) {
                customerId = newCustomer(ctx, person, channel, ownerId);
                trace.add(customerStep, step("created_customer", "customerId", customerId));
            }
            attribution.intake(dsl, ctx, customerId, channel, campaign(request), duplicateOf == null);
            ObjectNode leadValues = json.createObjectNode();
            request.fields().forEach(leadValues::put);
            leadValues.put("channel", channel);
            leadValues.put("status", "new");
            leadValues.put("customerId", customerId.toString());
            if (ownerId != null) {
                leadValues.put("ownerId", ownerId.toString());
            }
            UUID leadId = UUID.fromString(writer.create(creator(dsl, ctx, ownerId), "lead", leadValues)
                    .get("id")
                    .toString());
            trace.add(step("created_lead", "leadId", leadId));
            IntakeRepository.Intake intake = new IntakeRepository.Intake(
                    leadId,
                    customerId,
                    duplicateOf,
                    ownerId,
                    request.fields().get("channel"),
                    request.utm().isEmpty() ? null : json.writeValueAsString(request.utm()),
                    request.consent(),
                    hash,
                    ctx.userId(),
                    json.writeValueAsString(trace),
                    source == null ? null : source.formId());
            intakes.insert(dsl, ctx.tenant(), intake);
            notices.intakeAssigned(dsl, ctx, leadId, LeadNotices.LeadNames.of(request.fields()), ownerId, trace);
            return result(intake, false);
        });
    }

    /** The campaign the lead came with: its own field, else the UTM campaign tag. */
    private static String campaign(IntakeRequest request) {
        String campaign = request.fields().get("campaign");
        return campaign != null && !campaign.isBlank()
                ? campaign
                : request.utm().get("campaign");
    }

    /**
     * A new customer for the person. It belongs to the submitter, as any record they create; without a
     * submitter (a web form: the product takes the lead in) to the lead's owner, so that whoever got
     * the lead also sees its customer.
     */
    private UUID newCustomer(TenantContext ctx, Map<String, Object> person, String channel, UUID leadOwner) {
        ObjectNode values = json.createObjectNode();
        person.forEach((k, v) -> values.put(k, (String) v));
        values.put("channel", channel);
        if (ctx.isSystem() && leadOwner != null) {
            values.put("ownerId", leadOwner.toString());
        }
        return UUID.fromString(writer.create(ctx, "customer", values).get("id").toString());
    }

    /** What the assignment rules decide on: the lead's fields, the intake's hints and the UTM tags. */
    private static Map<String, Object> assignable(IntakeRequest request, String channel) {
        Map<String, Object> values = new LinkedHashMap<>(request.fields());
        values.put("channel", channel);
        values.putAll(request.hints());
        request.utm()
                .forEach((tag, value) ->
                        values.put("utm" + Character.toUpperCase(tag.charAt(0)) + tag.substring(1), value));
        return values;
    }

    /**
     * Who creates the lead: the submitter, unless the rules gave it to someone outside the submitter's
     * scope for leads (a clerk's intake routed to another store) — then the product itself, as the
     * assignment is its decision and not the submitter's; the intake keeps who submitted it.
     */
    private TenantContext creator(org.jooq.DSLContext dsl, TenantContext ctx, UUID ownerId) {
        if (ctx.isSystem()) {
            return ctx;
        }
        permissions.require(ctx, "lead", Action.CREATE);
        if (ownerId == null
                || ownerId.equals(ctx.userId())
                || permissions.ownerInScope(ctx, dsl, "lead", Action.CREATE, ownerId)) {
            return ctx;
        }
        return new TenantContext(
                ctx.tenant(), null, 0, ctx.metadataVersion(), ctx.requestId(), ctx.clientIp(), ctx.locale());
    }

    /** The trace of a lead's intake, or empty when the lead did not come through intake. */
    public Optional<IntakeResult> traceOf(TenantContext ctx, UUID leadId) {
        records.get(ctx, "lead", leadId);
        return tx.call(ctx, dsl -> intakes.find(dsl, ctx.tenant(), leadId)).map(i -> result(i, false));
    }

    /** The picklist value the channel names (by value or by label in any language), else {@code other}. */
    private static String channel(ObjectDef lead, String given) {
        FieldDef field = lead.field("channel").orElseThrow();
        if (given == null) {
            return null;
        }
        for (PicklistValue value : field.values()) {
            if (value.value().equalsIgnoreCase(given)
                    || value.label().values().stream().anyMatch(given::equalsIgnoreCase)) {
                return value.value();
            }
        }
        return field.allowsValue("other") ? "other" : null;
    }

    private IntakeResult result(IntakeRepository.Intake intake, boolean repeated) {
        List<Map<String, Object>> trace = json.readValue(intake.trace(), new TypeReference<>() {});
        return new IntakeResult(
                intake.leadId(), intake.customerId(), intake.ownerId(), intake.duplicateOf(), trace, repeated);
    }

    private static Map<String, Object> step(String name, Object... details) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", name);
        for (int i = 0; i < details.length; i += 2) {
            if (details[i + 1] != null) {
                step.put((String) details[i], details[i + 1]);
            }
        }
        return step;
    }

    private String contentHash(TenantContext ctx, IntakeRequest request, IntakeSource source) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("by", String.valueOf(ctx.userId()));
        if (source != null) {
            content.put("form", source.formId().toString());
        }
        content.put("fields", request.fields());
        content.put("utm", request.utm());
        content.put("consent", request.consent());
        if (!request.hints().isEmpty()) {
            content.put("hints", request.hints());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
