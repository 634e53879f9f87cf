package io.resetflow.breachfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** JSON Lines: one object per line, keys named like the CSV headers; nested values are ignored. */
final class JsonLineParser implements LineParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> dropped = new LinkedHashSet<>();
    private final Set<String> ignored = new LinkedHashSet<>();

    @Override
    public ParsedLine parse(long line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending token, which may be a password: only its place is kept.
            return new ParsedLine.Unparseable(line, "malformed JSON at column " + (e.getLocation() == null ? "?"
                    : String.valueOf(e.getLocation().getColumnNr())));
        }
        if (node == null || !node.isObject()) {
            return new ParsedLine.Unparseable(line, "not a JSON object");
        }
        String[] values = new String[BreachFileColumn.values().length];
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<BreachFileColumn> column = BreachFileColumn.forHeader(field.getKey());
            if (column.isEmpty()) {
                (BreachFileColumn.looksSecret(field.getKey()) ? dropped : ignored).add(field.getKey());
            } else if (field.getValue().isValueNode() && !field.getValue().isNull() && !field.getValue().asText().isBlank()) {
                values[column.get().ordinal()] = field.getValue().asText();
            }
        }
        return new ParsedLine.Row(line, values);
    }

    @Override
    public Set<String> droppedColumns() {
        return Collections.unmodifiableSet(dropped);
    }

    @Override
    public Set<String> ignoredColumns() {
        return Collections.unmodifiableSet(ignored);
    }
}
