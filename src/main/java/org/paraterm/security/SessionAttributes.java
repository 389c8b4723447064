package org.paraterm.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's values as JSON and back. Only the kinds of value paraterm keeps are written — text
 * (the CSRF token, a one-time notice), yes/no, whole numbers, and the signed-in user (name, roles
 * and text attributes) — each tagged with its kind. Reading builds those values from plain JSON and
 * nothing else: no class name is ever read from the database, so a tampered row cannot make the
 * server construct arbitrary objects (the danger of Java serialization).
 */
final class SessionAttributes {

    private static final Logger LOG = LoggerFactory.getLogger(SessionAttributes.class);

    private final ObjectMapper json;

    SessionAttributes(ObjectMapper json) {
        this.json = json;
    }

    String write(Map<String, Object> values) {
        Map<String, Object> tagged = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof String text) {
                tagged.put(name, Map.of("text", text));
            } else if (value instanceof Boolean flag) {
                tagged.put(name, Map.of("flag", flag));
            } else if (value instanceof Integer || value instanceof Long) {
                tagged.put(name, Map.of("number", ((Number) value).longValue()));
            } else if (value instanceof Authentication user) {
                Map<String, String> attributes = new LinkedHashMap<>();
                user.getAttributes().forEach((key, attribute) -> {
                    if (attribute instanceof String text) {
                        attributes.put(key, text);
                    }
                });
                tagged.put(name, Map.of("user", Map.of("name", user.getName(),
                        "roles", List.copyOf(user.getRoles()), "attributes", attributes)));
            } else if (value != null) {
                // Not kept across requests: only the kinds above may live in a shared session.
                LOG.warn("session value '{}' of type {} is not stored", name, value.getClass().getName());
            }
        });
        try {
            return json.writeValueAsString(tagged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> read(String text) throws IOException {
        Map<String, Object> tagged = json.readValue(text, Map.class);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : tagged.entrySet()) {
            if (!(entry.getValue() instanceof Map<?, ?> value)) {
                throw new IOException("session value '" + entry.getKey() + "' is not tagged");
            }
            if (value.get("text") instanceof String string) {
                values.put(entry.getKey(), string);
            } else if (value.get("flag") instanceof Boolean flag) {
                values.put(entry.getKey(), flag);
            } else if (value.get("number") instanceof Number number) {
                values.put(entry.getKey(), number.longValue());
            } else if (value.get("user") instanceof Map<?, ?> user && user.get("name") instanceof String name) {
                List<String> roles = new ArrayList<>();
                if (user.get("roles") instanceof List<?> list) {
                    list.forEach(role -> roles.add(String.valueOf(role)));
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                if (user.get("attributes") instanceof Map<?, ?> map) {
                    map.forEach((key, attribute) -> attributes.put(String.valueOf(key), String.valueOf(attribute)));
                }
                values.put(entry.getKey(), Authentication.build(name, roles, attributes));
            } else {
                throw new IOException("session value '" + entry.getKey() + "' has an unknown kind");
            }
        }
        return values;
    }
}
