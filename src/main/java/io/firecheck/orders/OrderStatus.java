package io.firecheck.orders;

/** OPEN → RECTIFYING → PENDING_ACCEPTANCE → CLOSED (销案); a person may only move one step forward. */
public enum OrderStatus {
    OPEN("已挂牌督办"), RECTIFYING("整改中"), PENDING_ACCEPTANCE("待验收"), CLOSED("已销案");

    private final String zh;

    OrderStatus(String zh) {
        this.zh = zh;
    }

    /** The label staff read in reports; the name stays the code machines read. */
    public String zh() {
        return zh;
    }

    public boolean personMayMoveTo(OrderStatus to) {
        return switch (this) {
            case OPEN -> to == RECTIFYING;
            case RECTIFYING -> to == PENDING_ACCEPTANCE;
            case PENDING_ACCEPTANCE -> to == CLOSED;
            case CLOSED -> false;
        };
    }
}
