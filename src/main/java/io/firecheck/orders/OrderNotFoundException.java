package io.firecheck.orders;

public class OrderNotFoundException extends RuntimeException {
    public OrderNotFoundException(Object id) {
        super("no supervision order with id " + id);
    }
}
