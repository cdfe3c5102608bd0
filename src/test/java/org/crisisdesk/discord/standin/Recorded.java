package org.crisisdesk.discord.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;

/** One REST request the client made, as the stand-in received it. */
public record Recorded(String method, String path, Map<String, List<String>> headers, String body, JsonNode json,
                       int status) {

    public boolean is(String method, String pathPrefix) {
        return this.method.equals(method) && path.startsWith(pathPrefix);
    }

    public java.util.Optional<String> header(String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream()).findFirst();
    }

    /** The JSON body, or the {@code payload_json} of a multipart body. */
    public JsonNode payload() {
        return json == null ? MissingNode.getInstance() : json;
    }
}
