package io.firecheck.engine;

public enum Classification {
    MAJOR_HAZARD("重大火灾隐患"), GENERAL_HAZARD("一般火灾隐患"), COMPLIANT("未发现火灾隐患"), INCOMPLETE("检查不完整");

    private final String zh;

    Classification(String zh) {
        this.zh = zh;
    }

    /** The label staff read in reports and order notes; the name stays the code machines read. */
    public String zh() {
        return zh;
    }
}
