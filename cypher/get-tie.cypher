// One KNOWS tie by id, or by its ordered pair.
// Parameters: $id (or null), $from, $to (or null)
// Returns: id, from, to, trust, sinceMs, lastContactMs
MATCH (a:Person)-[k:KNOWS]->(b:Person)
WHERE ($id IS NOT NULL AND k.id = $id) OR ($id IS NULL AND a.id = $from AND b.id = $to)
RETURN k.id AS id, a.id AS from, b.id AS to, k.trust AS trust, k.since.epochMillis AS sinceMs,
       k.lastContact.epochMillis AS lastContactMs
LIMIT 1
