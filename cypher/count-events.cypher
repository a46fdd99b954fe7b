// Number of events, optionally only those involving a person.
// Parameters: $person (id or null)
// Returns: total
MATCH (e:Event)
WHERE $person IS NULL OR EXISTS { MATCH (e)-[:DROVE|REACHED]-(:Person {id: $person}) }
RETURN count(e) AS total
