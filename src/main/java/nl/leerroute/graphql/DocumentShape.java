package nl.leerroute.graphql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * What a parsed document asks for before it is validated: fields and aliases with every fragment
 * spread expanded (so repeating a fragment counts every time, and fragments spreading fragments
 * cannot multiply unseen), and the most directives on one node. A fragment cycle counts once
 * (validation refuses it next).
 */
record DocumentShape(long fields, long aliases, int mostDirectives, String mostDirectivesOn) {

    private static final long SATURATED = Long.MAX_VALUE / 4;

    private record Count(long fields, long aliases) {
        Count plus(Count other) {
            return new Count(Math.min(SATURATED, fields + other.fields), Math.min(SATURATED, aliases + other.aliases));
        }
    }

    static DocumentShape of(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Walker walker = new Walker(fragments);
        Count total = new Count(0, 0);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            walker.directives(operation.getDirectives(), operation.getName() == null ? "operation"
                    : "operation " + operation.getName());
            total = total.plus(walker.count(operation.getSelectionSet()));
        }
        for (FragmentDefinition fragment : fragments.values()) {
            walker.directives(fragment.getDirectives(), "fragment " + fragment.getName());
            walker.fragment(fragment.getName()); // also counts the directives inside unused fragments
        }
        return new DocumentShape(total.fields(), total.aliases(), walker.mostDirectives, walker.mostDirectivesOn);
    }

    private static final class Walker {
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Count> counted = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();
        private int mostDirectives;
        private String mostDirectivesOn = "";

        Walker(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        void directives(List<Directive> directives, String on) {
            if (directives.size() > mostDirectives) {
                mostDirectives = directives.size();
                mostDirectivesOn = on;
            }
        }

        Count fragment(String name) {
            Count known = counted.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !inProgress.add(name)) {
                return new Count(0, 0); // unknown or cyclic: validation refuses it
            }
            Count count = count(definition.getSelectionSet());
            inProgress.remove(name);
            counted.put(name, count);
            return count;
        }

        Count count(SelectionSet selectionSet) {
            Count count = new Count(0, 0);
            if (selectionSet == null) {
                return count;
            }
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    directives(field.getDirectives(), "field " + field.getName());
                    count = count.plus(new Count(1, field.getAlias() == null ? 0 : 1))
                            .plus(count(field.getSelectionSet()));
                } else if (selection instanceof InlineFragment inline) {
                    directives(inline.getDirectives(), "an inline fragment");
                    count = count.plus(count(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    directives(spread.getDirectives(), "spread of " + spread.getName());
                    count = count.plus(fragment(spread.getName()));
                }
            }
            return count;
        }
    }
}
