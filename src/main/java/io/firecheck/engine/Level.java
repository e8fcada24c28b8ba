package io.firecheck.engine;

/** Order matters: findings are listed DIRECT, ELEMENT, GENERAL. SCOPE rules produce no finding. */
public enum Level {
    DIRECT("直接判定要素"), ELEMENT("综合判定要素"), GENERAL("一般火灾隐患"), SCOPE("适用范围");

    private final String zh;

    Level(String zh) {
        this.zh = zh;
    }

    /** The label staff read in reports (GB 35181 terms); the name stays the code machines read. */
    public String zh() {
        return zh;
    }
}
