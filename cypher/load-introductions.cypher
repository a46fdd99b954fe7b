// Streams every introduction for the projection and export.
// Parameters: none
// Returns: id, introducer, a, b, atMs, status, value, note, outcomeAtMs
MATCH (x:Person)-[:MADE]->(i:Introduction)
MATCH (i)-[:INTRODUCED {side: 'a'}]->(a:Person)
MATCH (i)-[:INTRODUCED {side: 'b'}]->(b:Person)
RETURN i.id AS id, x.id AS introducer, a.id AS a, b.id AS b, i.at.epochMillis AS atMs,
       i.status AS status, i.value AS value, coalesce(i.note, '') AS note, i.outcomeAt.epochMillis AS outcomeAtMs
