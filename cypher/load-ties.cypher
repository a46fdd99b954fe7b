// Streams every KNOWS tie for the projection (graph.repository.ts puts them in order of their ends' ids).
// Parameters: none
// Returns: id, from, to, trust, sinceMs, lastContactMs
MATCH (a:Person)-[k:KNOWS]->(b:Person)
RETURN k.id AS id, a.id AS from, b.id AS to, k.trust AS trust, k.since.epochMillis AS sinceMs,
       k.lastContact.epochMillis AS lastContactMs
