package com.weavecrm.webform;

import com.weavecrm.lead.IntakeResult;
import com.weavecrm.lead.IntakeSource;
import com.weavecrm.lead.LeadIntake;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.webform.internal.FormKeyRepository;
import com.weavecrm.webform.internal.WebFormRepository;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Web forms as the public reaches them: by key alone, with no session. The key's hash leads to the
 * tenant (the platform's lookup), the form must be active, and a submission runs the lead intake as the
 * product itself on the form's behalf — after the rate limit, and only when the honeypot is empty.
 * An unknown or inactive key is 404.
 */
@Service
public class PublicForms {

    private static final Logger log = LoggerFactory.getLogger(PublicForms.class);

    private final FormKeyRepository keys;
    private final WebFormRepository forms;
    private final TenantRegistry tenants;
    private final TenantTx tx;
    private final MetadataService metadata;
    private final LeadIntake intake;
    private final SubmissionLimits limits;

    PublicForms(
            FormKeyRepository keys,
            WebFormRepository forms,
            TenantRegistry tenants,
            TenantTx tx,
            MetadataService metadata,
            LeadIntake intake,
            SubmissionLimits limits) {
        this.keys = keys;
        this.forms = forms;
        this.tenants = tenants;
        this.tx = tx;
        this.metadata = metadata;
        this.intake = intake;
        this.limits = limits;
    }

    /** The form behind an active key, as the visitor sees it; empty for an unknown or inactive key. */
    public Optional<PublicForm> open(String key, Visitor visitor) {
        return resolve(key, visitor)
                .map(found -> new PublicForm(
                        key,
                        found.form().name(),
                        PublicInputs.of(found.form(), metadata.object(found.ctx(), "lead"), visitor.locale()),
                        found.form().consentText(),
                        found.form().thankYou()));
    }

    /** Takes a submission of the public page (its token checked by the page). */
    public Accepted submit(String key, Submission submission, Visitor visitor) {
        Found found = counted(key, visitor);
        return take(found, submission);
    }

    /**
     * Takes an intake body sent with {@code X-Form-Key}: the form's fields, {@code utm}, {@code consent}
     * and the honeypot; a field the form does not have is refused.
     */
    public Accepted submit(String key, JsonNode body, Visitor visitor) {
        Found found = counted(key, visitor);
        return take(found, SubmissionCheck.read(body, found.form()));
    }

    private Found counted(String key, Visitor visitor) {
        Found found = resolve(key, visitor).orElseThrow(ApiException::notFound);
        limits.take(visitor.address(), found.form().id());
        return found;
    }

    private Accepted take(Found found, Submission submission) {
        WebForm form = found.form();
        if (submission.caughtByHoneypot()) {
            log.info("web form {}: honeypot filled, nothing created", form.id());
            return new Accepted(UUID.randomUUID(), form.thankYou(), false, null);
        }
        JsonNode body = SubmissionCheck.body(form, submission);
        IntakeResult result = intake.intake(found.ctx(), body, new IntakeSource(form.id(), form.name()));
        return new Accepted(result.leadId(), form.thankYou(), !result.repeated(), result);
    }

    private Optional<Found> resolve(String key, Visitor visitor) {
        if (key == null || !FormKeys.SHAPE.matcher(key).matches()) {
            return Optional.empty();
        }
        return keys.find(FormKeys.hash(key))
                .flatMap(owner -> tenants.findById(owner.tenantId())
                        .filter(Tenant::isActive)
                        .flatMap(tenant -> {
                            TenantContext ctx = new TenantContext(
                                    tenant, null, 0, 0, visitor.requestId(), visitor.address(), visitor.locale());
                            return tx.call(ctx, dsl -> forms.find(dsl, tenant, owner.formId()))
                                    .filter(WebForm::active)
                                    .filter(form -> form.formKey().equals(key))
                                    .map(form -> new Found(ctx, form));
                        }));
    }

    /** A form found by its key, and the product's context in its tenant, on the visitor's behalf. */
    private record Found(TenantContext ctx, WebForm form) {}
}
