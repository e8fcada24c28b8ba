package io.firecheck.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark, CRLF lines, RFC 4180 quoting. */
final class Csv {
    static final String MEDIA_TYPE = "text/csv";
    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    static <T> byte[] write(List<String> headers, List<T> rows, Function<T, List<?>> cells) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, headers);
        for (T row : rows) {
            line(out, cells.apply(row));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof List<?> list ? String.join("、", list.stream().map(String::valueOf).toList()) : value.toString();
        // a leading = + - @ would be run as a formula by Excel
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
