package org.heard.desk.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import org.heard.contracts.WireEnum;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What springdoc cannot read from the controllers, so that an integrator can generate a client from
 * {@code /api/openapi.json}: the frame (what the API is, how to log in), every enum by its wire
 * names, and the errors every operation may answer as RFC 9457 problem details. Checked by
 * {@code OpenApiLintIT} against Redocly's recommended rules.
 */
final class ApiDescription {

    static final String PROBLEM = "Problem";
    static final String REPLY_PROBLEM = "ReplyProblem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ApiDescription() {}

    /** The description's frame: what the API is and how to log in; the paths come from the controllers. */
    static OpenAPI frame() {
        return new OpenAPI()
                .info(new Info()
                        .title("Heard API")
                        .version("1")
                        .description(
                                "Search mentions, read conversations, reply personally on the patient's channel and stream"
                                        + " new mentions, within the caller's scope. See docs/api.md."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An integration's API token (heard.api.clients)"))
                        .addSecuritySchemes(
                                "staff",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A member of staff's username and password"))
                        .addSchemas(PROBLEM, problem())
                        .addSchemas(REPLY_PROBLEM, replyProblem()))
                // Relative: the desk that served this description (a client resolves it against the document's URL).
                .servers(List.of(new Server().url("/").description("This desk")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("staff"));
    }

    /** RFC 9457: what every error of the API answers with. */
    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail")
                .addProperty(
                        "type", new StringSchema().format("uri-reference").description("about:blank unless stated"))
                .addProperty("title", new StringSchema().description("The HTTP status's phrase"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong, for a person"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .required(List.of("title", "status"));
    }

    private static Schema<?> replyProblem() {
        var warning = new ObjectSchema()
                .addProperty(
                        "kind",
                        new StringSchema()
                                ._enum(List.of("personal-data", "copy-paste", "deflection"))
                                .description("Stable: acknowledge it by this kind"))
                .addProperty("message", new StringSchema().description("For a person"));
        return new Schema<>()
                .description("A reply that was not sent, and why")
                .allOf(List.of(
                        new Schema<>().$ref("#/components/schemas/" + PROBLEM),
                        new ObjectSchema()
                                .addProperty(
                                        "state",
                                        new StringSchema()
                                                ._enum(List.of(
                                                        "needs-confirmation",
                                                        "blocked",
                                                        "in-progress",
                                                        "key-reused",
                                                        "unknown")))
                                .addProperty(
                                        "replyId",
                                        new StringSchema()
                                                .description("With state unknown: the reply that may still go out"))
                                .addProperty("warnings", new ArraySchema().items(warning))
                                .required(List.of("state"))));
    }

    /** The errors any operation may answer, added where an operation does not say otherwise. */
    static OpenApiCustomizer commonAnswers() {
        return api -> {
            api.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> {
                        var answers = operation.getResponses();
                        boolean takesInput = operation.getRequestBody() != null
                                || operation.getParameters() != null
                                        && operation.getParameters().stream()
                                                .anyMatch(parameter -> !"path".equals(parameter.getIn()));
                        if (takesInput) {
                            answers.putIfAbsent("400", problem("A parameter or the body is not one the API takes"));
                        }
                        answers.putIfAbsent("401", new ApiResponse().description("No valid token or staff login"));
                        if (path.contains("{")) {
                            answers.putIfAbsent("404", problem("Nothing by that id in your scope"));
                        }
                        answers.putIfAbsent("503", problem("Elasticsearch or Kafka is out of reach: retry later"));
                        jsonNotAnyType(operation);
                    }));
        };
    }

    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** An answer springdoc could only call {@code *}{@code /*} is JSON here. */
    private static void jsonNotAnyType(Operation operation) {
        operation.getResponses().values().forEach(answer -> {
            if (answer.getContent() != null && answer.getContent().containsKey("*/*")) {
                var any = answer.getContent().remove("*/*");
                answer.getContent().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
            }
        });
    }

    /** Every {@link WireEnum} as a named string schema listing its wire names, as the API writes and reads them. */
    static final class WireEnumSchemas implements ModelConverter {

        @Override
        public Schema<?> resolve(
                AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
            Class<?> type = rawClass(annotated.getType());
            if (type != null && type.isEnum() && WireEnum.class.isAssignableFrom(type)) {
                String name = schemaName(type);
                if (context.getDefinedModels() == null
                        || !context.getDefinedModels().containsKey(name)) {
                    var schema = new StringSchema();
                    for (Object constant : type.getEnumConstants()) {
                        schema.addEnumItem(((WireEnum) constant).wire());
                    }
                    context.defineModel(name, schema.name(name));
                }
                return new Schema<>().$ref("#/components/schemas/" + name);
            }
            return chain.hasNext() ? chain.next().resolve(annotated, context, chain) : null;
        }

        /** {@code Sentiment.Label}: SentimentLabel; an API's own enum by its own name. */
        static String schemaName(Class<?> type) {
            var outer = type.getEnclosingClass();
            return outer == null || outer.getSimpleName().endsWith("Api")
                    ? type.getSimpleName()
                    : outer.getSimpleName() + type.getSimpleName();
        }

        private static Class<?> rawClass(Type type) {
            if (type instanceof Class<?> plain) {
                return plain;
            }
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
                return raw;
            }
            if (type instanceof com.fasterxml.jackson.databind.JavaType javaType) {
                return javaType.getRawClass();
            }
            return null;
        }
    }
}
