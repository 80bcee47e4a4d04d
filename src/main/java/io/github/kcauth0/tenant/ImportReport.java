package io.github.kcauth0.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do: each Keycloak object it created, updated, found unchanged or skipped, and what
 * the administrator must still do. It names objects and fields, never a value of a secret.
 */
final class ImportReport {

    private final boolean dryRun;
    private final List<Map<String, String>> created = new ArrayList<>();
    private final List<Map<String, String>> updated = new ArrayList<>();
    private final List<Map<String, String>> unchanged = new ArrayList<>();
    private final List<Map<String, String>> skipped = new ArrayList<>();
    private final List<String> todo = new ArrayList<>();

    ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void created(String type, String key) {
        created.add(line(type, key, null));
    }

    void updated(String type, String key) {
        updated.add(line(type, key, null));
    }

    void unchanged(String type, String key) {
        unchanged.add(line(type, key, null));
    }

    void skipped(String type, String key, String reason) {
        skipped.add(line(type, key, reason));
    }

    void todo(String what) {
        if (!todo.contains(what)) {
            todo.add(what);
        }
    }

    /** Whether this import creates (or, in a dry run, would create) the identity provider. */
    boolean plannedConnection(String alias) {
        return created.stream().anyMatch(line -> line.get("type").equals("connection") && line.get("key").equals(alias));
    }

    /** Whether the import wrote (or, in a dry run, would write) anything. */
    boolean changes() {
        return !created.isEmpty() || !updated.isEmpty();
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dry_run", dryRun);
        json.put("changed", changes());
        json.put("summary", changes()
                ? (dryRun ? "The import would create " : "Created ") + created.size() + " and " + (dryRun ? "update " : "updated ") + updated.size() + " objects"
                : "Nothing to change: the realm already has this tenant file");
        json.put("created", created);
        json.put("updated", updated);
        json.put("unchanged", unchanged);
        json.put("skipped", skipped);
        json.put("todo", todo);
        return json;
    }

    /**
     * The report as lines a person reads in the console: what happened, then each list. Values are the file's
     * names and keys, shown by the console as text.
     */
    String toText() {
        StringBuilder text = new StringBuilder();
        text.append(dryRun ? "Dry run, nothing was written. " : "Imported. ").append(toJson().get("summary")).append('\n');
        if (dryRun && changes()) {
            text.append("To import, turn Dry run off and save again with the same file.\n");
        }
        appendLines(text, "Created", created);
        appendLines(text, "Updated", updated);
        appendLines(text, "Unchanged", unchanged);
        appendLines(text, "Skipped", skipped);
        if (!todo.isEmpty()) {
            text.append("\nTo do (").append(todo.size()).append("):\n");
            todo.forEach(what -> text.append("- ").append(what).append('\n'));
        }
        return text.toString();
    }

    private static void appendLines(StringBuilder text, String heading, List<Map<String, String>> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append('\n').append(heading).append(" (").append(lines.size()).append("):\n");
        for (Map<String, String> line : lines) {
            text.append("- ").append(line.get("type")).append(' ').append(line.get("key"));
            if (line.containsKey("reason")) {
                text.append(": ").append(line.get("reason"));
            }
            text.append('\n');
        }
    }

    int count() {
        return created.size() + updated.size() + unchanged.size() + skipped.size();
    }

    private static Map<String, String> line(String type, String key, String reason) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("type", type);
        line.put("key", key);
        if (reason != null) {
            line.put("reason", reason);
        }
        return line;
    }
}
