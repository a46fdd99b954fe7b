// A page of introductions, newest first, optionally those a person made or was part of.
// Parameters: $offset, $limit, $person (id or null)
// Returns: id, introducer, a, b, atMs, status, value, note
MATCH (x:Person)-[:MADE]->(i:Introduction)
MATCH (i)-[:INTRODUCED {side: 'a'}]->(a:Person)
MATCH (i)-[:INTRODUCED {side: 'b'}]->(b:Person)
WHERE $person IS NULL OR $person IN [x.id, a.id, b.id]
RETURN i.id AS id, x.id AS introducer, a.id AS a, b.id AS b, i.at.epochMillis AS atMs,
       i.status AS status, i.value AS value, coalesce(i.note, '') AS note
ORDER BY i.at DESC, i.id SKIP toInteger($offset) LIMIT toInteger($limit)
