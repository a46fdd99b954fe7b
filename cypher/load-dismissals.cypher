// Streams every dismissal for the projection and export.
// Parameters: none
// Returns: id, by, a, b, atMs
MATCH (x:Person)-[:DISMISSED]->(d:Dismissal)
MATCH (d)-[:OF {side: 'a'}]->(a:Person)
MATCH (d)-[:OF {side: 'b'}]->(b:Person)
RETURN d.id AS id, x.id AS by, a.id AS a, b.id AS b, d.at.epochMillis AS atMs
