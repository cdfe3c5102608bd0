package org.crisisdesk.discord.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One REST request the client made, as the stand-in received it; {@code raw} is the body's bytes. */
public record Recorded(String method, String path, Map<String, List<String>> headers, String body, JsonNode json,
                       int status, byte[] raw) {

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]+)\"");

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

    /** The files of a multipart body by file name, as uploaded (an embed's picture, say). */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String type = header("Content-Type").orElse("");
        int at = type.indexOf("boundary=");
        if (at < 0 || raw == null) {
            return files;
        }
        byte[] boundary = ("--" + type.substring(at + "boundary=".length()).replace("\"", ""))
                .getBytes(StandardCharsets.ISO_8859_1);
        // ISO-8859-1 maps bytes to chars one to one, so indexes in the text are indexes in the bytes.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String marker = new String(boundary, StandardCharsets.ISO_8859_1);
        int start = text.indexOf(marker);
        while (start >= 0) {
            int next = text.indexOf(marker, start + marker.length());
            if (next < 0) {
                break;
            }
            String part = text.substring(start + marker.length(), next);
            int headersEnd = part.indexOf("\r\n\r\n");
            Matcher name = FILE_NAME.matcher(headersEnd < 0 ? "" : part.substring(0, headersEnd));
            if (name.find()) {
                int from = start + marker.length() + headersEnd + 4;
                files.put(name.group(1), Arrays.copyOfRange(raw, from, next - 2));
            }
            start = next;
        }
        return files;
    }
}
