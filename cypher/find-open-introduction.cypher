// An introduction between two people (either order) that is still open (not in a closed status).
// Parameters: $a, $b, $closed: [string]
// Returns: id, introducer, status
MATCH (pa:Person {id: $a})<-[:INTRODUCED]-(i:Introduction)-[:INTRODUCED]->(pb:Person {id: $b})
WHERE NOT i.status IN $closed
MATCH (x:Person)-[:MADE]->(i)
RETURN i.id AS id, x.id AS introducer, i.status AS status
LIMIT 1
