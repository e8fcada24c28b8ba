package io.firecheck.console;

/** Where a list page is: page counts from 0, number from 1 as people read it. */
public record Pager(int page, int pages) {
    static Pager of(int page, long total, int size) {
        return new Pager(page, (int) Math.max(1, (total + size - 1) / size));
    }

    public int number() {
        return page + 1;
    }

    public boolean hasPrev() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }

    public int prev() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }
}
