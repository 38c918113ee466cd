package nl.leerroute.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct document once: clients send the same few documents again and
 * again with other variables, and parsing plus validation cost more than many a resolver. Only
 * documents that passed everything are kept (their parse included the {@link RequestLimits} checks
 * on the document's shape, which do not depend on variables); a refused or invalid document is
 * parsed again each time, so its errors stay in the caller's locale. Depth and complexity depend on
 * the variables and are still checked on every request.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final Map<String, PreparsedDocumentEntry> documents;

    DocumentCache(int size) {
        this.documents = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > size;
            }
        });
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry entry = documents.get(query);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                documents.put(query, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return documents.size();
    }
}
