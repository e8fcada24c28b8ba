package io.firecheck.engine.facts;

import io.firecheck.inspection.Shaft;

/** One inspected shaft with its 1-based position in the document, so evidence can name it. */
public record ShaftEntry(int number, Shaft shaft) {

    public String label() {
        String kind = shaft.kind() == null ? "竖井" : switch (shaft.kind()) {
            case CABLE -> "电缆井";
            case PIPE -> "管道井";
            case OTHER -> "其他竖井";
        };
        return number + "号" + kind;
    }
}
