package io.firecheck.orders;

/** The lifecycle does not allow this move; answered with 409. */
public class ForbiddenTransitionException extends RuntimeException {
    public ForbiddenTransitionException(OrderStatus from, OrderStatus to, String why) {
        super("cannot move an order from " + from + " to " + to + ": " + why);
    }
}
