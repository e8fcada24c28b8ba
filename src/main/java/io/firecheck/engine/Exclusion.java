package io.firecheck.engine;

/** Why a building that meets a method is still not declared a major hazard (GB 35181 exclusions). */
public enum Exclusion {
    EXPERT_REVIEW("已经专家论证并采取相应措施"),
    OUT_OF_USE("场所已停止使用");

    private final String zh;

    Exclusion(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
