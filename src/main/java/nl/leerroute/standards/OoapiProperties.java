package nl.leerroute.standards;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OOAPI documents to import at start-up, after the seed.
 *
 * @param imports entries {@code institutionId=path}, e.g. {@code hanze=graph-seed/ooapi/hanze.json}; empty: none
 */
@ConfigurationProperties("leerroute.ooapi")
public record OoapiProperties(@DefaultValue("") List<String> imports) {
}
