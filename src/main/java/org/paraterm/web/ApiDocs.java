package org.paraterm.web;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API described in OpenAPI 3.0 ({@code /openapi.json}, written by hand in
 * {@code src/main/resources/openapi/paraterm.json} and kept honest by a test that compares it
 * with the server's routes) and the same description as a page ({@code /openapi}) that reads
 * without JavaScript: operations by tag, their parameters, bodies, responses and who may call them,
 * and every schema with its fields. GET operations without path parameters can be tried from the
 * page with a plain form.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class ApiDocs {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete");

    public record Field(String name, String type, String schemaLink, boolean required, String description) {
    }

    public record Response(String status, String description, String type, String schemaLink) {
    }

    public record Operation(String anchor, String method, String path, String summary, String description,
                            boolean needsAccount, List<Field> parameters, List<Field> body, String bodyType,
                            List<Response> responses, boolean tryable) {
    }

    public record Tag(String name, String description, List<Operation> operations) {
    }

    public record Schema(String name, String description, List<Field> fields) {
    }

    private final String json;
    private final Map<String, Object> spec;

    public ApiDocs(ObjectMapper mapper) {
        try (InputStream in = ApiDocs.class.getResourceAsStream("/openapi/paraterm.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi/paraterm.json is missing from the build");
            }
            this.json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.spec = map(mapper.readValue(json, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<String> json() {
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/openapi")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public HttpResponse<?> page(io.micronaut.http.HttpRequest<?> request) {
        boolean wantsHtml = request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (!wantsHtml) {
            return json();
        }
        Map<String, Object> info = map(spec.get("info"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", info.get("title"));
        model.put("version", info.get("version"));
        model.put("description", info.get("description"));
        model.put("tags", tags());
        model.put("schemas", schemas());
        return HttpResponse.ok(new ModelAndView<>("api/docs", model));
    }

    /** Every path and method the description documents, as "GET /api/entries/{id}". */
    public List<String> documentedOperations() {
        List<String> operations = new ArrayList<>();
        map(spec.get("paths")).forEach((path, item) -> map(item).keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    private List<Tag> tags() {
        Map<String, List<Operation>> byTag = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Object tag : list(spec.get("tags"))) {
            byTag.put((String) map(tag).get("name"), new ArrayList<>());
            descriptions.put((String) map(tag).get("name"), (String) map(tag).get("description"));
        }
        map(spec.get("paths")).forEach((path, item) -> {
            for (String method : METHODS) {
                Map<String, Object> operation = map(map(item).get(method));
                if (operation.isEmpty()) {
                    continue;
                }
                String tag = list(operation.get("tags")).isEmpty() ? "other" : (String) list(operation.get("tags")).get(0);
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(operation(method, path, operation));
            }
        });
        List<Tag> tags = new ArrayList<>();
        byTag.forEach((name, operations) -> tags.add(new Tag(name, descriptions.get(name), operations)));
        return tags;
    }

    private Operation operation(String method, String path, Map<String, Object> operation) {
        List<Field> parameters = new ArrayList<>();
        for (Object parameter : list(operation.get("parameters"))) {
            Map<String, Object> p = resolve(map(parameter));
            Map<String, Object> schema = map(p.get("schema"));
            parameters.add(new Field((String) p.get("name"), p.get("in") + " · " + typeOf(schema),
                    schemaLink(schema), Boolean.TRUE.equals(p.get("required")), (String) p.get("description")));
        }
        Map<String, Object> bodySchema = map(map(map(map(operation.get("requestBody")).get("content"))
                .get("application/json")).get("schema"));
        List<Response> responses = new ArrayList<>();
        map(operation.get("responses")).forEach((status, response) -> {
            Map<String, Object> r = resolve(map(response));
            Map<String, Object> schema = map(map(map(r.get("content")).get("application/json")).get("schema"));
            responses.add(new Response(status, (String) r.get("description"), schema.isEmpty() ? "" : typeOf(schema),
                    schemaLink(schema)));
        });
        boolean tryable = method.equals("get") && !path.contains("{");
        return new Operation(method + path.replaceAll("[^A-Za-z0-9]+", "-"), method.toUpperCase(Locale.ROOT), path,
                (String) operation.get("summary"), (String) operation.get("description"),
                !list(operation.get("security")).isEmpty(), parameters, fields(bodySchema),
                bodySchema.isEmpty() ? null : typeOf(bodySchema), responses, tryable);
    }

    private List<Schema> schemas() {
        List<Schema> schemas = new ArrayList<>();
        map(map(spec.get("components")).get("schemas")).forEach((name, schema) ->
                schemas.add(new Schema(name, (String) map(schema).get("description"), fields(map(schema)))));
        return schemas;
    }

    /** The fields of an object schema, following references and allOf one level. */
    private List<Field> fields(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        List<Field> fields = new ArrayList<>();
        for (Object part : list(resolved.get("allOf"))) {
            fields.addAll(fields(map(part)));
        }
        List<Object> required = list(resolved.get("required"));
        map(resolved.get("properties")).forEach((name, property) -> {
            Map<String, Object> p = map(property);
            fields.add(new Field(name, typeOf(p), schemaLink(p), required.contains(name), describe(p)));
        });
        return fields;
    }

    private static String describe(Map<String, Object> property) {
        StringBuilder text = new StringBuilder();
        if (property.get("description") != null) {
            text.append(property.get("description"));
        }
        if (property.get("enum") != null) {
            text.append(text.length() > 0 ? " " : "").append("One of: ").append(String.join(", ",
                    list(property.get("enum")).stream().map(String::valueOf).toList())).append('.');
        }
        if (property.get("example") != null) {
            text.append(text.length() > 0 ? " " : "").append("Example: ").append(property.get("example"));
        }
        return text.toString();
    }

    private static String typeOf(Map<String, Object> schema) {
        if (schema.get("$ref") != null) {
            return refName(schema);
        }
        if ("array".equals(schema.get("type"))) {
            return "array of " + typeOf(map(schema.get("items")));
        }
        if (schema.get("allOf") != null) {
            return "object";
        }
        if (schema.get("additionalProperties") != null) {
            return "map of " + typeOf(map(schema.get("additionalProperties")));
        }
        Object type = schema.get("type");
        return type == null ? "object" : String.valueOf(type);
    }

    private static String schemaLink(Map<String, Object> schema) {
        if (schema.get("$ref") != null) {
            return "#schema-" + refName(schema);
        }
        if ("array".equals(schema.get("type"))) {
            return schemaLink(map(schema.get("items")));
        }
        return null;
    }

    private static String refName(Map<String, Object> schema) {
        String ref = (String) schema.get("$ref");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A component the object refers to by {@code $ref}, or the object itself. */
    private Map<String, Object> resolve(Map<String, Object> object) {
        Object ref = object.get("$ref");
        if (ref == null) {
            return object;
        }
        Map<String, Object> target = spec;
        for (String step : ((String) ref).substring(2).split("/")) {
            target = map(target.get(step));
        }
        return resolve(target);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
