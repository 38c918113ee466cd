package nl.leerroute.routes.planner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.leerroute.routes.planner.CatalogueSnapshot.Outcome;
import nl.leerroute.routes.planner.CatalogueSnapshot.OutcomeLevel;
import nl.leerroute.routes.planner.PersonProfile.Evidence;
import nl.leerroute.routes.planner.PersonProfile.EvidenceStatus;

/**
 * The crediting rules, applied to one person on one day.
 *
 * <ul>
 * <li>An outcome is <b>credited</b> at level L when a VALIDATED evidence item asserts it at level &gt;= L and
 * the item is <i>current</i>: obtained on or before today and, if the outcome has a shelf life of Y years,
 * {@code today < obtained + Y years} (evidence exactly Y years old is stale). An item without a date is
 * current (ongoing). The credited level is the highest such level.</li>
 * <li>CLAIMED evidence credits nothing. Together with VALIDATED evidence that has gone stale it gives the
 * <b>assessable</b> level: what the person says (or once proved) they can do and could demonstrate in an
 * assessment (EVC) step. Claims have no shelf life: the assessment itself checks that they are current.</li>
 * <li>A VALIDATED item with {@code completedUnitId} meets requirement alternatives that name that unit.</li>
 * </ul>
 */
final class Crediting {

    final CatalogueSnapshot cat;
    final PersonProfile profile;
    final LocalDate today;
    /** per outcome index: credited level, 0 = none. */
    final int[] creditLevel;
    /** per outcome index: highest level claimed or asserted by stale validated evidence, 0 = none. */
    final int[] assessableLevel;
    /** per unit index: completed according to validated evidence. */
    final boolean[] completedUnit;

    Crediting(CatalogueSnapshot cat, PersonProfile profile, LocalDate today) {
        this.cat = cat;
        this.profile = profile;
        this.today = today;
        creditLevel = new int[cat.outcomeCount()];
        assessableLevel = new int[cat.outcomeCount()];
        completedUnit = new boolean[cat.unitCount()];
        for (Evidence e : profile.evidence()) {
            boolean validated = e.status() == EvidenceStatus.VALIDATED;
            boolean future = e.obtained() != null && e.obtained().isAfter(today);
            if (validated && !future && e.completedUnitId() != null) {
                int u = cat.unitIndex(e.completedUnitId());
                if (u >= 0) {
                    completedUnit[u] = true;
                }
            }
            for (OutcomeLevel a : e.asserts()) {
                int o = cat.outcomeIndex(a.outcomeId());
                if (o < 0) {
                    continue; // evidence about an outcome the catalogue does not know: ignored
                }
                if (validated && current(e, cat.outcomes().get(o))) {
                    creditLevel[o] = Math.max(creditLevel[o], a.level());
                } else if (!validated || !future) {
                    assessableLevel[o] = Math.max(assessableLevel[o], a.level());
                }
            }
        }
    }

    /** Whether validated evidence {@code e} still counts for outcome {@code o} today. */
    boolean current(Evidence e, Outcome o) {
        if (e.obtained() == null) {
            return true;
        }
        if (e.obtained().isAfter(today)) {
            return false;
        }
        return o.shelfLifeYears() == null || today.isBefore(e.obtained().plusYears(o.shelfLifeYears()));
    }

    boolean credited(int o, int level) {
        return creditLevel[o] >= level;
    }

    /** The current validated evidence items asserting outcome {@code o} at {@code >= level}, in profile order. */
    List<String> evidenceFor(int o, int level) {
        Outcome outcome = cat.outcomes().get(o);
        List<String> ids = new ArrayList<>();
        for (Evidence e : profile.evidence()) {
            if (e.status() != EvidenceStatus.VALIDATED || !current(e, outcome)) {
                continue;
            }
            for (OutcomeLevel a : e.asserts()) {
                if (a.outcomeId().equals(outcome.id()) && a.level() >= level) {
                    ids.add(e.id());
                    break;
                }
            }
        }
        return ids;
    }

    /**
     * The assessment rule: an ASSESSMENT unit is usable only when <i>every</i> outcome it yields is, at the
     * level it yields it, either credited or assessable (claimed, or stale validated evidence) for this
     * person. An assessment certifies what the person already asserts; if it also yielded something the
     * person does not claim, passing it would have to teach that outcome, which an assessment does not do.
     * At least one of its outcomes must be assessable-but-not-credited, otherwise it demonstrates nothing new.
     */
    boolean assessmentUsable(int u) {
        int[] os = cat.yieldOutcome[u];
        int[] ls = cat.yieldLevel[u];
        boolean somethingNew = false;
        for (int i = 0; i < os.length; i++) {
            if (creditLevel[os[i]] >= ls[i]) {
                continue;
            }
            if (assessableLevel[os[i]] < ls[i]) {
                return false;
            }
            somethingNew = true;
        }
        return somethingNew;
    }
}
