// A page of KNOWS ties ordered by id, optionally those touching a person.
// Parameters: $offset, $limit, $person (id or null)
// Returns: id, from, to, trust, sinceMs, lastContactMs
MATCH (a:Person)-[k:KNOWS]->(b:Person)
WHERE $person IS NULL OR a.id = $person OR b.id = $person
RETURN k.id AS id, a.id AS from, b.id AS to, k.trust AS trust, k.since.epochMillis AS sinceMs,
       k.lastContact.epochMillis AS lastContactMs
ORDER BY k.id SKIP toInteger($offset) LIMIT toInteger($limit)
