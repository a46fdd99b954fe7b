// Streams every dismissal for the projection.
// Parameters: none
// Returns: by, a, b
MATCH (x:Person)-[:DISMISSED]->(d:Dismissal)
MATCH (d)-[:OF {side: 'a'}]->(a:Person)
MATCH (d)-[:OF {side: 'b'}]->(b:Person)
RETURN x.id AS by, a.id AS a, b.id AS b
