package io.firecheck.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the human-readable contract in docs/api (packaged under contract/): the fields of a document shown
 * as a ```jsonc block, each with its // comment as description, and the statuses column of the HTTP API
 * table. The OpenAPI document and its test both read these, so the contract is written once.
 */
public final class ContractDoc {
    /** Where docs/api is on the class path. */
    public static final String CLASSPATH_DIR = "contract/";

    private ContractDoc() {
    }

    /**
     * A field's JSON path ("building.heightM", "shafts[].kind") and its comment in the document, or "" when
     * it has none. A comment describes the outermost fields of its line ("a": {"b": 1} // describes a only);
     * a comment line without a field continues the comment of the line above.
     */
    public record Field(String path, String description) {
    }

    public static String read(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CLASSPATH_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_DIR + name + " is not on the class path (docs/api is packaged by the pom)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of the first ```jsonc block of a markdown text, in document order. */
    public static List<Field> fields(String markdown) {
        int start = markdown.indexOf("```jsonc\n");
        if (start < 0) {
            throw new IllegalArgumentException("no ```jsonc block");
        }
        start += "```jsonc\n".length();
        return new JsoncFields().parse(markdown.substring(start, markdown.indexOf("```", start)));
    }

    /** "POST /api/v1/evaluations" → ["201", "200", …] from the last column of the table under "## HTTP API". */
    public static Map<String, List<String>> statuses(String markdown) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String section = markdown.substring(markdown.indexOf("## HTTP API"));
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String operation = cells[1].strip().replace("`", "");
            List<String> codes = new ArrayList<>();
            for (String code : cells[cells.length - 1].split(",")) {
                codes.add(code.strip());
            }
            out.put(operation, codes);
        }
        return out;
    }

    /** A small scanner of JSON with // comments: keys, nesting, and the comment on each key's line. */
    private static final class JsoncFields {
        private final Map<String, StringBuilder> descriptions = new LinkedHashMap<>();
        private final Deque<String> containers = new ArrayDeque<>();
        private String pendingKey;
        private List<String> lastCommented = List.of();

        List<Field> parse(String block) {
            for (String line : block.split("\n")) {
                line(line);
            }
            List<Field> out = new ArrayList<>();
            descriptions.forEach((path, text) -> out.add(new Field(path, text.toString())));
            return out;
        }

        private void line(String line) {
            List<String> keys = new ArrayList<>();
            int keyDepth = Integer.MAX_VALUE;
            String comment = null;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    int end = endOfString(line, i);
                    int next = skipSpaces(line, end + 1);
                    if (next < line.length() && line.charAt(next) == ':') {
                        pendingKey = join(containers.peek(), line.substring(i + 1, end));
                        descriptions.putIfAbsent(pendingKey, new StringBuilder());
                        if (containers.size() < keyDepth) {
                            keys.clear();
                            keyDepth = containers.size();
                        }
                        if (containers.size() == keyDepth) {
                            keys.add(pendingKey);
                        }
                        i = next;
                    } else {
                        pendingKey = null;
                        i = end;
                    }
                } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    comment = line.substring(i + 2).strip();
                    break;
                } else if (c == '{') {
                    containers.push(pendingKey != null ? pendingKey : containers.isEmpty() ? "" : containers.peek());
                    pendingKey = null;
                } else if (c == '[') {
                    containers.push((pendingKey != null ? pendingKey : containers.peek()) + "[]");
                    pendingKey = null;
                } else if (c == '}' || c == ']') {
                    containers.pop();
                } else if (!Character.isWhitespace(c) && c != ',') {
                    pendingKey = null;
                }
            }
            if (comment != null && !keys.isEmpty()) {
                for (String k : keys) {
                    descriptions.get(k).setLength(0);
                    descriptions.get(k).append(comment);
                }
                lastCommented = keys;
            } else if (comment != null) {
                for (String k : lastCommented) {
                    descriptions.get(k).append(' ').append(comment);
                }
            } else if (!keys.isEmpty()) {
                lastCommented = List.of();
            }
        }

        private static int endOfString(String line, int open) {
            for (int i = open + 1; i < line.length(); i++) {
                if (line.charAt(i) == '\\') {
                    i++;
                } else if (line.charAt(i) == '"') {
                    return i;
                }
            }
            throw new IllegalArgumentException("unterminated string in: " + line);
        }

        private static int skipSpaces(String line, int from) {
            int i = from;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i;
        }

        private static String join(String container, String key) {
            return container == null || container.isEmpty() ? key : container + "." + key;
        }
    }
}
