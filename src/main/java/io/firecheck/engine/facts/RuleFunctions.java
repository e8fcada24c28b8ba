package io.firecheck.engine.facts;

import io.firecheck.inspection.DamageCount;
import io.firecheck.inspection.DoorClass;
import io.firecheck.inspection.FireSystems;
import io.firecheck.inspection.MicroFireStation.Readiness;
import io.firecheck.inspection.PlaceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Functions the DRL files call. All arithmetic is decimal so that boundaries are exact
 * (4.8 m of 6.0 m is exactly 80 %); every function answers false when a fact is absent.
 */
public final class RuleFunctions {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RuleFunctions() {
    }

    /** damaged / total is strictly above percent; a total of 0 never is. */
    public static boolean rateAbove(DamageCount count, BigDecimal percent) {
        if (count == null || count.total() == null || count.damaged() == null || count.total() == 0) {
            return false;
        }
        return BigDecimal.valueOf(count.damaged()).multiply(HUNDRED)
                .compareTo(percent.multiply(BigDecimal.valueOf(count.total()))) > 0;
    }

    /** Some items were recorded as damaged (the total may not have been counted). */
    public static boolean anyDamaged(DamageCount count) {
        return count != null && count.damaged() != null && count.damaged() > 0;
    }

    /** "11/50 = 22%": the rate as evidence; "11 处" when the total was not counted. */
    public static String rate(DamageCount count) {
        if (count.total() == null) {
            return count.damaged() + " 处";
        }
        return count.damaged() + "/" + count.total() + " = " + percentText(
                BigDecimal.valueOf(count.damaged()), BigDecimal.valueOf(count.total())) + "%";
    }

    /** part is strictly below percent of whole. */
    public static boolean percentBelow(BigDecimal part, BigDecimal whole, BigDecimal percent) {
        if (part == null || whole == null) {
            return false;
        }
        return part.multiply(HUNDRED).compareTo(percent.multiply(whole)) < 0;
    }

    public static String percentText(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0";
        }
        return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The date lies more than the given number of calendar months before the reference date. */
    public static boolean monthsBefore(LocalDate date, LocalDate reference, int months) {
        return date != null && reference != null && date.isBefore(reference.minusMonths(months));
    }

    public static boolean anyPlace(Collection<PlaceType> placeTypes, Collection<String> names) {
        return placeTypes != null && placeTypes.stream().anyMatch(p -> p != null && names.contains(p.name()));
    }

    /** The places of the list that the building holds, by their Chinese names: "商店、旅馆". */
    public static String placeNames(Collection<PlaceType> placeTypes, Collection<String> names) {
        if (placeTypes == null) {
            return "";
        }
        return placeTypes.stream().filter(p -> p != null && names.contains(p.name())).distinct().map(PlaceType::zh)
                .collect(java.util.stream.Collectors.joining("、"));
    }

    /** The design record's answer for one system (fireSystems.requiredByDesign.<system>); null when not given. */
    public static Boolean designed(FireSystems systems, String system) {
        if (systems == null || systems.requiredByDesign() == null) {
            return null;
        }
        return (Boolean) Records.read(systems.requiredByDesign(), system);
    }

    /** A fire system's status by its field name (fireSystems.<system>); null when not inspected. */
    public static Object status(FireSystems systems, String system) {
        return systems == null ? null : Records.read(systems, system);
    }

    /** Reasons joined in a stable order, so the same building always gives the same evidence. */
    public static String joined(Collection<?> reasons) {
        return reasons.stream().map(String::valueOf).sorted().distinct().collect(java.util.stream.Collectors.joining("；"));
    }

    /** A fire door class as officers write it: 甲级, 乙级, 丙级. */
    public static String doorClass(DoorClass c) {
        if (c == null) {
            return "未载明";
        }
        return switch (c) {
            case A -> "甲级";
            case B -> "乙级";
            case C -> "丙级";
            case NONE -> "非防火门";
        };
    }

    /** "最近一次演练 2025-11-19，距检查日已超过 12 个月". */
    public static String overdue(String what, LocalDate last, int months) {
        return "最近一次" + what + " " + last + "，距检查日已超过 " + months + " 个月";
    }

    /** A number as written: 1.00 stays "1.00", so evidence shows the threshold the way the rules state it. */
    public static String plain(BigDecimal value) {
        return value == null ? "?" : value.toPlainString();
    }

    /** The non-empty parts joined with "、": evidence that lists which of several checks failed. */
    public static String listed(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isEmpty()).collect(java.util.stream.Collectors.joining("、"));
    }

    /** The text when the fact was recorded as false (or, for {@link #ifTrue}, as true); else empty. */
    public static String ifFalse(Boolean fact, String text) {
        return Boolean.FALSE.equals(fact) ? text : "";
    }

    public static String ifTrue(Boolean fact, String text) {
        return Boolean.TRUE.equals(fact) ? text : "";
    }

    public static boolean hasReadinessGap(Readiness r) {
        return !readinessGaps(r).isEmpty();
    }

    /** Which items of 三知四会一联通 the team failed, grouped as the plan names them. */
    public static String readinessGaps(Readiness r) {
        if (r == null) {
            return "";
        }
        List<String> groups = new ArrayList<>();
        group(groups, "三知", Arrays.asList(
                item(r.knowsFacilities(), "不知消防设施"),
                item(r.knowsEscapeRoutes(), "不知疏散通道"),
                item(r.knowsBuildingLayout(), "不知建筑布局")));
        group(groups, "四会", Arrays.asList(
                item(r.canOrganizeEvacuation(), "不会组织疏散"),
                item(r.canFightInitialFire(), "不会扑救初起火灾"),
                item(r.canUseProtectiveGear(), "不会使用防护装备"),
                item(r.canOperateFacilities(), "不会操作消防设施")));
        group(groups, "一联通", Arrays.asList(item(r.linkedToFireStation(), "未与消防救援站联通")));
        return String.join("；", groups);
    }

    private static String item(Boolean value, String name) {
        return Boolean.FALSE.equals(value) ? name : null;
    }

    private static void group(List<String> groups, String name, List<String> items) {
        List<String> failed = items.stream().filter(Objects::nonNull).toList();
        if (!failed.isEmpty()) {
            groups.add(name + "：" + String.join("、", failed));
        }
    }
}
