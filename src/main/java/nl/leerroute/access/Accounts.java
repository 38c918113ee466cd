package nl.leerroute.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.leerroute.database.GraphReader;
import nl.leerroute.database.Props;
import org.springframework.stereotype.Service;

/** Accounts in the graph: the seeded demo accounts, advisors that consents point to. */
@Service
public class Accounts {

    /** An account with its password hash (demo accounts only) and what it is. */
    record Account(String id, String username, String passwordHash, String displayName, Role role, String personId,
            String institutionId) {

        Caller caller() {
            return new Caller(id, displayName, Set.of(role), personId, institutionId);
        }
    }

    private static final String RETURN = """
            OPTIONAL MATCH (a)-[:IS]->(p:Person) OPTIONAL MATCH (a)-[:EDITS_FOR|REPRESENTS]->(i:Institution)
            RETURN a {.*, person: p.id, institution: i.id} AS n""";

    private final GraphReader graph;

    Accounts(GraphReader graph) {
        this.graph = graph;
    }

    Optional<Account> byUsername(String username) {
        return graph.one("MATCH (a:Account {username: $username}) " + RETURN, Map.of("username", username),
                Accounts::of);
    }

    Optional<Account> byId(String id) {
        return graph.one("MATCH (a:Account {id: $id}) " + RETURN, Map.of("id", id), Accounts::of);
    }

    private static Account of(Map<String, Object> n) {
        return new Account(Props.str(n, "id"), Props.str(n, "username"), Props.str(n, "passwordHash"),
                Props.str(n, "displayName"), Role.valueOf(Props.str(n, "role")), Props.str(n, "person"),
                Props.str(n, "institution"));
    }
}
