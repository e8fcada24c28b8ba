package io.firecheck.orders;

/** OPEN → RECTIFYING → PENDING_ACCEPTANCE → CLOSED (销案); a person may only move one step forward. */
public enum OrderStatus {
    OPEN, RECTIFYING, PENDING_ACCEPTANCE, CLOSED;

    public boolean personMayMoveTo(OrderStatus to) {
        return switch (this) {
            case OPEN -> to == RECTIFYING;
            case RECTIFYING -> to == PENDING_ACCEPTANCE;
            case PENDING_ACCEPTANCE -> to == CLOSED;
            case CLOSED -> false;
        };
    }
}
