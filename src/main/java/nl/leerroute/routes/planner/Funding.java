package nl.leerroute.routes.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The funding schemes that may pay part of one person's units, already resolved for that person: which
 * scheme pays how much of which unit. The planner only adds route caps and the cost basis on top, so that the
 * cost of a set of units is exact:
 *
 * <pre>
 *   cost(S) = sum of gross(u) over S  -  sum over counted schemes s of min(routeCap(s), sum of amount(s, u) over S)
 * </pre>
 *
 * A scheme's amount for a unit does not depend on the rest of the route (the caller has applied rates, per-unit
 * caps and combination rules unit by unit); only the route cap does, which makes the cost of a route
 * non-additive. Since each unit's amounts together never exceed its gross cost, the cost is monotone (adding a
 * unit never lowers it) and adding unit u raises it by at least {@code gross(u) - sum of amount(s, u)} and at
 * most {@code gross(u) - sum of the uncapped amount(s, u)}: the bounds the search prunes with, while every
 * complete route is valued exactly.
 *
 * @param schemes in the order they are applied to each unit (the order of the allocation shown per step)
 * @param basis which cost the budget constraint and the cost objective use
 */
public record Funding(List<Scheme> schemes, CostBasis basis) {

    public Funding {
        schemes = List.copyOf(schemes);
        Objects.requireNonNull(basis, "basis");
    }

    public static Funding none() {
        return new Funding(List.of(), CostBasis.GROSS);
    }

    /** Which cost the budget and the cost objective apply to. */
    public enum CostBasis {
        /** The catalogue price, before any funding. */
        GROSS,
        /** The price minus grants (public or sector funds): what the person and employer together pay. */
        NET,
        /** The price minus grants and the employer's contribution: what is left to the person. */
        NET_TO_PERSON
    }

    public enum Kind {
        /** Money from a public body or fund: lowers the cost. */
        GRANT,
        /** The employer pays this part: moves cost from the person to the employer. */
        EMPLOYER_CONTRIBUTION,
        /** The person may borrow this part: shown, but it lowers no cost (it is paid back). */
        LOAN
    }

    /**
     * One scheme for this person.
     *
     * @param amountsCents per unit id: what the scheme pays for that unit on its own (units not listed get nothing)
     * @param routeCapCents the most the scheme pays over one route; null for no cap
     */
    public record Scheme(String id, Kind kind, Long routeCapCents, Map<String, Long> amountsCents) {
        public Scheme {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            amountsCents = Map.copyOf(amountsCents);
            if (routeCapCents != null && routeCapCents < 0) {
                throw new IllegalArgumentException("route cap of " + id + " is negative");
            }
            amountsCents.forEach((unit, cents) -> {
                if (cents < 0) {
                    throw new IllegalArgumentException("amount of " + id + " for " + unit + " is negative");
                }
            });
        }

        long amount(String unitId) {
            return amountsCents.getOrDefault(unitId, 0L);
        }
    }

    /** Whether a scheme lowers the cost the budget and objective use. */
    public boolean counts(Scheme s) {
        return switch (basis) {
            case GROSS -> false;
            case NET -> s.kind() == Kind.GRANT;
            case NET_TO_PERSON -> s.kind() != Kind.LOAN;
        };
    }

    /** Refuses amounts that would fund a unit beyond its price (then the cost would no longer be monotone). */
    void check(String unitId, long grossCents) {
        long funded = 0;
        for (Scheme s : schemes) {
            long a = s.amount(unitId);
            if (s.kind() == Kind.LOAN) {
                if (a > grossCents) {
                    throw new IllegalArgumentException("loan " + s.id() + " lends more than unit " + unitId
                            + " costs");
                }
            } else {
                funded += a;
            }
        }
        if (funded > grossCents) {
            throw new IllegalArgumentException("funding of unit " + unitId + " (" + funded + " cents) exceeds its "
                    + "price (" + grossCents + " cents)");
        }
    }

    /** What one scheme pays for one step. */
    public record Share(String schemeId, Kind kind, long cents) {
    }

    /**
     * Allocates each scheme to the steps in route order, each step taking its amount while the scheme's route
     * cap lasts. The totals per grant and contribution equal {@code min(cap, sum of amounts)} whatever the order,
     * so the route's cost does not depend on it; only which step shows the money does. A loan lends at most what
     * is really left of a step after all grants and contributions it received (a cap that ran out leaves more);
     * loans count in no cost basis, so this never touches the planner's cost.
     *
     * @param grossCents the price of each step, in the same order
     * @return per step (same order), the non-zero shares
     */
    public List<List<Share>> allocate(List<String> unitIdsInOrder, List<Long> grossCents) {
        Map<String, Long> used = new HashMap<>();
        List<List<Share>> out = new ArrayList<>();
        for (int i = 0; i < unitIdsInOrder.size(); i++) {
            String unit = unitIdsInOrder.get(i);
            long left = grossCents.get(i);
            List<Share> shares = new ArrayList<>();
            List<Scheme> order = new ArrayList<>(schemes.stream().filter(s -> s.kind() != Kind.LOAN).toList());
            order.addAll(schemes.stream().filter(s -> s.kind() == Kind.LOAN).toList());
            for (Scheme s : order) {
                long a = s.amount(unit);
                if (s.routeCapCents() != null) {
                    a = Math.min(a, s.routeCapCents() - used.getOrDefault(s.id(), 0L));
                }
                if (s.kind() == Kind.LOAN) {
                    a = Math.min(a, left);
                }
                if (a > 0) {
                    used.merge(s.id(), a, Long::sum);
                    shares.add(new Share(s.id(), s.kind(), a));
                    left -= a;
                }
            }
            out.add(List.copyOf(shares));
        }
        return out;
    }
}
