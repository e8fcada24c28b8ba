package io.firecheck.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark, CRLF lines, RFC 4180 quoting. */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";
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
        if (value instanceof Number) {
            return value.toString(); // a count or a rate is never a formula, and -1 stays a number
        }
        String s = value instanceof List<?> list ? String.join("、", list.stream().map(String::valueOf).toList()) : value.toString();
        boolean formula = isFormula(s);
        if (formula) {
            s = "'" + s;
        }
        if (formula || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /**
     * Building names, owners and addresses are free text written by others. As OWASP recommends for CSV
     * injection, a cell starting with = + - @ tab or carriage return (or their full-width forms, which
     * spreadsheets in Chinese locales also read as formulas) gets a leading ' and is quoted, so Excel shows
     * it as text instead of running it.
     */
    static boolean isFormula(String s) {
        return !s.isEmpty() && "=+-@\t\r＝＋－＠".indexOf(s.charAt(0)) >= 0;
    }
}
