package io.firecheck.engine;

/** How a classification was reached (rule-catalogue.md, Determination), with the officers' name for it. */
public enum DeterminationMethod {
    DIRECT("直接判定"),
    COMPREHENSIVE("综合判定"),
    NONE("未达到判定条件");

    private final String zh;

    DeterminationMethod(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
