package io.firecheck.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usual slips of someone editing DRL by hand, found in the text before Drools sees it: full-width
 * punctuation from a Chinese keyboard, a rule without {@code end}, an unbalanced parenthesis. Drools reports
 * each of them as several cryptic parser errors; a slip covers a range of lines, and the parser errors in
 * that range are shown under it instead of on their own.
 */
final class DrlSlips {
    /** A slip at {@code line}; parser errors on lines {@code line..lastLine} are its consequences. */
    record Slip(int line, int lastLine, String message) {
        boolean covers(int errorLine) {
            return errorLine >= line && errorLine <= lastLine;
        }
    }

    private static final Map<Character, String> FULL_WIDTH = fullWidth();
    private static final Pattern BLOCK_START = Pattern.compile("^(rule|query|declare)\\b\\s*(\"[^\"]*\"|\\S*)");

    private DrlSlips() {
    }

    private static Map<Character, String> fullWidth() {
        Map<Character, String> m = new LinkedHashMap<>();
        m.put('“', "\""); m.put('”', "\""); m.put('‘', "'"); m.put('’', "'");
        m.put('（', "("); m.put('）', ")"); m.put('，', ","); m.put('；', ";"); m.put('：', ":");
        m.put('。', "."); m.put('！', "!"); m.put('＝', "="); m.put('＜', "<"); m.put('＞', ">");
        m.put('【', "["); m.put('】', "]"); m.put('　', " (space)");
        return m;
    }

    static List<Slip> find(String text) {
        String[] lines = mask(text).split("\n", -1);
        List<Slip> slips = new ArrayList<>();
        int ruleStart = 0;
        String ruleName = null;
        int sectionStart = 0;
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            String code = line.strip();
            fullWidthOn(line, lineNo, slips);
            Matcher block = BLOCK_START.matcher(code);
            if (block.find()) {
                if (ruleName != null) {
                    slips.add(missingEnd(ruleName, ruleStart, lines.length));
                }
                ruleName = original(text, i, block.group(2));
                ruleStart = lineNo;
                sectionStart = lineNo;
                open.clear();
                continue;
            }
            if (ruleName == null) {
                continue;
            }
            if (code.equals("when") || code.equals("then") || code.equals("end")) {
                if (!open.isEmpty()) {
                    slips.add(new Slip(open.peek(), lineNo, "第 " + open.peek() + " 行的 ( 没有对应的 )。 / the ( on line "
                            + open.peek() + " is never closed (before `" + code + "` on line " + lineNo + ")"));
                    open.clear();
                }
                sectionStart = lineNo;
                if (code.equals("end")) {
                    ruleName = null;
                }
                continue;
            }
            for (char c : line.toCharArray()) {
                if (c == '(') {
                    open.push(lineNo);
                } else if (c == ')') {
                    if (open.isEmpty()) {
                        slips.add(new Slip(lineNo, lineNo, "第 " + lineNo + " 行多了一个 )，前面没有对应的 (。 / a ) on line "
                                + lineNo + " has no ( before it (since line " + sectionStart + ")"));
                    } else {
                        open.pop();
                    }
                }
            }
        }
        if (ruleName != null) {
            slips.add(missingEnd(ruleName, ruleStart, lines.length));
        }
        slips.sort(java.util.Comparator.comparingInt(Slip::line));
        return slips;
    }

    private static Slip missingEnd(String rule, int line, int last) {
        return new Slip(line, last, "规则 " + rule + " 缺少结尾的 end（每条规则都以单独一行 end 结束）。 / rule " + rule
                + " has no `end`: every rule ends with a line that says end");
    }

    /** One slip per line with full-width punctuation outside strings; the parser errors on that line follow from it. */
    private static void fullWidthOn(String line, int lineNo, List<Slip> slips) {
        StringBuilder found = new StringBuilder();
        StringBuilder replace = new StringBuilder();
        int column = 0;
        for (int c = 0; c < line.length(); c++) {
            String ascii = FULL_WIDTH.get(line.charAt(c));
            if (ascii != null && found.indexOf(String.valueOf(line.charAt(c))) < 0) {
                column = column == 0 ? c + 1 : column;
                found.append(line.charAt(c)).append(' ');
                replace.append(line.charAt(c)).append(" → ").append(ascii).append("  ");
            }
        }
        if (!found.isEmpty()) {
            slips.add(new Slip(lineNo, lineNo, "第 " + column + " 列起有全角符号 " + found.toString().strip()
                    + "（中文输入法）。字符串以外的引号、括号、逗号、分号必须是半角：" + replace.toString().strip()
                    + " / full-width punctuation outside a string (typed on a Chinese keyboard): use " + replace.toString().strip()));
        }
    }

    private static String original(String text, int lineIndex, String maskedName) {
        String line = text.split("\n", -1)[lineIndex].strip();
        Matcher m = BLOCK_START.matcher(line);
        return m.find() ? m.group(2) : maskedName;
    }

    /**
     * The text with the inside of strings and comments blanked (line breaks kept), so punctuation and
     * keywords are only seen in code. Full-width quotes are treated as quotes: what they enclose was meant
     * as a string.
     */
    static String mask(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\n') {
                lineComment = false;
                out.append(c);
            } else if (lineComment || blockComment) {
                if (blockComment && c == '*' && next == '/') {
                    blockComment = false;
                    out.append("  ");
                    i++;
                } else {
                    out.append(' ');
                }
            } else if (quote != 0) {
                if (c == '\\') {
                    out.append("  ");
                    i++;
                } else if (c == quote || (quote == '“' && c == '”')) {
                    quote = 0;
                    out.append(c);
                } else {
                    out.append(' ');
                }
            } else if (c == '/' && next == '/') {
                lineComment = true;
                out.append(' ');
            } else if (c == '/' && next == '*') {
                blockComment = true;
                out.append(' ');
            } else {
                if (c == '"' || c == '\'' || c == '“') {
                    quote = c;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
