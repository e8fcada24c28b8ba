package io.firecheck.inspection;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hibernate.validator.HibernateValidatorFactory;

/**
 * Everything that makes a document invalid, as JSON paths: Bean Validation on the records plus the
 * checks that span fields (damaged ≤ total, no date after today).
 */
public final class DocumentChecks {
    private final Validator validator;

    public DocumentChecks(Validator validator) {
        this.validator = validator;
    }

    /**
     * With a validator that walks the whole document without asking JPA first: the service's default one asks,
     * for each nested record, whether that "entity attribute" is loaded (reflection, then a cache lookup), and the
     * answer for a record is always yes. Nor are the answers cached per validation (a hash map whose keys collide).
     */
    public static DocumentChecks of(ValidatorFactory validators) {
        return new DocumentChecks(validators.unwrap(HibernateValidatorFactory.class).usingContext()
                .traversableResolver(EVERY_PROPERTY).enableTraversableResolverResultCache(false).getValidator());
    }

    private static final TraversableResolver EVERY_PROPERTY = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty, ElementType type) {
            return true;
        }
    };

    /** Every violation, sorted by field; ruleIds are the inspection rules correctedOnSite may name. */
    public List<Violation> check(InspectionDocument doc, LocalDate today, Set<String> ruleIds) {
        List<Violation> out = new ArrayList<>();
        for (ConstraintViolation<InspectionDocument> v : validator.validate(doc)) {
            out.add(new Violation(jsonPath(v.getPropertyPath()), v.getMessage()));
        }
        BiConsumer<String, String> add = (field, message) -> out.add(new Violation(field, message));
        crossField(doc, today, add);
        knownRules(doc, ruleIds, add);
        out.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return out;
    }

    /** A rule id corrected on site must name an inspection rule, or the correction would silently do nothing. */
    private static void knownRules(InspectionDocument doc, Set<String> ruleIds, BiConsumer<String, String> violation) {
        if (doc.inspection() == null) {
            return;
        }
        List<String> ids = doc.inspection().correctedOnSiteOrEmpty();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && !ruleIds.contains(ids.get(i))) {
                violation.accept("inspection.correctedOnSite[" + i + "]",
                        "unknown rule id `" + ids.get(i) + "`: see GET /api/v1/rules for the ids");
            }
        }
    }

    /** "shafts[0].wallFireResistanceH" from a Bean Validation property path. */
    static String jsonPath(Path path) {
        return jsonPath(path, 0);
    }

    /** The same, skipping the first nodes (method and parameter names of a validated resource call). */
    public static String jsonPath(Path path, int skip) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (Path.Node node : path) {
            if (i++ < skip) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    private static void crossField(InspectionDocument doc, LocalDate today, BiConsumer<String, String> violation) {
        if (doc.inspection() != null) {
            notAfter(doc.inspection().date(), today, "inspection.date", violation);
        }
        Evacuation e = doc.evacuation();
        if (e != null) {
            withinTotal(e.stairwellFireDoors(), "evacuation.stairwellFireDoors", violation);
            withinTotal(e.emergencyLightingAndSigns(), "evacuation.emergencyLightingAndSigns", violation);
        }
        if (doc.fireSeparation() != null) {
            withinTotal(doc.fireSeparation().doorsAndShutters(), "fireSeparation.doorsAndShutters", violation);
        }
        if (doc.shafts() != null) {
            for (int i = 0; i < doc.shafts().size(); i++) {
                Shaft s = doc.shafts().get(i);
                if (s != null && s.floorsSealed() != null && s.floorsTotal() != null && s.floorsSealed() > s.floorsTotal()) {
                    violation.accept("shafts[" + i + "].floorsSealed", "must not exceed floorsTotal (" + s.floorsTotal() + ")");
                }
            }
        }
        ControlRoom cr = doc.controlRoom();
        if (cr != null && cr.certifiedOperatorsPerShift() != null && cr.operatorsPerShift() != null
                && cr.certifiedOperatorsPerShift() > cr.operatorsPerShift()) {
            violation.accept("controlRoom.certifiedOperatorsPerShift",
                    "must not exceed operatorsPerShift (" + cr.operatorsPerShift() + ")");
        }
        if (doc.microFireStation() != null) {
            notAfter(doc.microFireStation().lastTrainingDate(), today, "microFireStation.lastTrainingDate", violation);
        }
        Management m = doc.management();
        if (m != null) {
            notAfter(m.lastFacilityTestDate(), today, "management.lastFacilityTestDate", violation);
            notAfter(m.lastDrillDate(), today, "management.lastDrillDate", violation);
            notAfter(m.lastTrainingDate(), today, "management.lastTrainingDate", violation);
        }
    }

    private static void withinTotal(DamageCount count, String path, BiConsumer<String, String> violation) {
        if (count != null && count.damaged() != null && count.total() != null && count.damaged() > count.total()) {
            violation.accept(path + ".damaged", "must not exceed total (" + count.total() + ")");
        }
    }

    private static void notAfter(LocalDate date, LocalDate today, String path, BiConsumer<String, String> violation) {
        if (date != null && date.isAfter(today)) {
            violation.accept(path, "must not be after today (" + today + ")");
        }
    }
}
