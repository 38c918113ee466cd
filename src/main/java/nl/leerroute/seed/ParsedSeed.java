package nl.leerroute.seed;

import java.util.List;
import java.util.Map;

/** A seed that passed validation, as the nodes and relationships it writes. */
record ParsedSeed(String contentHash, List<NodeRecord> nodes, List<RelationshipRecord> relationships) {

    record NodeRecord(List<String> labels, String id, Map<String, Object> properties) {
    }

    record RelationshipRecord(String fromLabel, String fromId, String type, String toLabel, String toId,
            Map<String, Object> properties) {
    }
}
