package com.weavecrm.api;

import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.tenancy.TenantContext;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;

/** The OpenAPI description at {@code /v3/api-docs}: bearer security and the documented request bodies. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the caller comes from the token, never from the request: not parameters of any operation
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantContext.class, AuthenticatedUser.class);
    }

    @Bean
    OpenAPI weaveOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Weave CRM API")
                        .version("v1")
                        .description("Errors are RFC 9457 problems listing every offending field. Any POST may carry "
                                + "Idempotency-Key; updates take If-Match: <version>.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("a token from POST /api/v1/auth/login or a personal API token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Adds every documented body shape to the components. */
    @Bean
    OpenApiCustomizer bodySchemas() {
        return openApi -> Arrays.stream(ApiSchemas.class.getDeclaredClasses())
                .forEach(type -> ModelConverters.getInstance()
                        .readAll(new AnnotatedType(type))
                        .forEach(openApi.getComponents()::addSchemas));
    }

    /** Points each operation whose body parameter carries {@link Body} at its documented shape. */
    @Bean
    OperationCustomizer documentedBodies() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                Body body = parameter.getParameterAnnotation(Body.class);
                if (body != null) {
                    String name = body.value()
                            .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class)
                            .name();
                    operation.setRequestBody(new RequestBody()
                            .required(true)
                            .content(new Content()
                                    .addMediaType(
                                            "application/json",
                                            new MediaType()
                                                    .schema(new Schema<>().$ref("#/components/schemas/" + name)))));
                }
            }
            return operation;
        };
    }
}
