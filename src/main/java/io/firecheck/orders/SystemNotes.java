package io.firecheck.orders;

import io.firecheck.engine.Classification;
import io.firecheck.engine.DeterminationMethod;
import java.time.LocalDate;

/**
 * Every note the system itself writes into an order's history, in Chinese for staff (note) with the
 * English beside it for API clients (noteEn). One place, so the wording is consistent and reviewable.
 */
record SystemNotes(String zh, String en) {

    static SystemNotes opened(String inspectionId, DeterminationMethod method) {
        return new SystemNotes("检查 " + inspectionId + " 判定为重大火灾隐患（" + method.zh() + "），挂牌督办",
                "inspection " + inspectionId + " determined a major fire hazard (" + method + ")");
    }

    static SystemNotes stillMajor(String inspectionId, LocalDate date) {
        return new SystemNotes("检查 " + inspectionId + "（" + date + "）仍判定为重大火灾隐患，隐患清单已更新",
                "inspection " + inspectionId + " on " + date + " still a major hazard");
    }

    static SystemNotes majorAgain(String inspectionId) {
        return new SystemNotes("复查 " + inspectionId + " 再次判定为重大火灾隐患，退回整改",
                "re-inspection " + inspectionId + " found a major hazard again");
    }

    static SystemNotes awaitingAcceptance(String inspectionId, Classification classification) {
        return new SystemNotes("复查 " + inspectionId + " 结论为" + classification.zh() + "，待督办单位验收销案",
                "re-inspection " + inspectionId + " classified " + classification
                        + "; awaiting acceptance by the supervising office");
    }

    static SystemNotes escalated() {
        return new SystemNotes("已过整改期限仍未销案，升级至督办单位",
                "past its due date and not closed: escalated to the supervising office");
    }
}
