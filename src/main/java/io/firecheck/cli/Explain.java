package io.firecheck.cli;

import io.firecheck.engine.EvaluationResult;
import io.firecheck.engine.Explanation;
import io.firecheck.engine.Finding;
import io.firecheck.engine.NotAssessed;
import java.io.PrintStream;

/** A result as sentences a fire officer reads, in Chinese and English. */
final class Explain {
    private Explain() {
    }

    static void print(EvaluationResult r, PrintStream out) {
        out.println("判定结果 Classification: " + r.classification().zh() + " / " + r.classification());
        out.println("建筑类别 Category: " + Explanation.category(r.scope()));
        var d = r.determination();
        Explanation.sentences(r.classification(), r.scope(), d).forEach(out::println);
        out.println("判定方法 Method: " + d.method()
                + (d.directFindings().isEmpty() ? "" : "；直接判定要素 direct elements: " + d.directFindings())
                + "；综合判定要素 elements counted: " + d.countedElements().size() + "/" + d.threshold()
                + " (" + d.thresholdRule() + ")"
                + (d.exclusion() == null ? "" : "；不判定为重大火灾隐患，因为 not a major hazard because of " + d.exclusion()));
        out.println();
        if (r.findings().isEmpty()) {
            out.println("未发现隐患 No hazard found.");
        }
        int n = 1;
        for (Finding f : r.findings()) {
            out.printf("%d. [%s] %s %s / %s%s%n", n++, f.level(), f.ruleId(), f.titleZh(), f.title(),
                    f.correctedOnSite() ? "（现场已改正 corrected on site）" : "");
            out.println("   证据 Evidence: " + f.evidence());
            out.println("   依据 Basis: " + f.basis());
            out.println("   整改 Rectification: " + f.rectification());
        }
        if (!r.notAssessed().isEmpty()) {
            out.println();
            out.println("未评估 Not assessed (facts missing from the document):");
            for (NotAssessed na : r.notAssessed()) {
                out.println("   " + na.ruleId() + ": " + String.join(", ", na.missing()));
            }
        }
        out.println();
        out.println("规则版本 Rule set: " + r.ruleSetVersion());
    }
}
