// Records that a person asked not to be suggested a pair again; fails with a constraint violation when the id
// exists.
// Parameters: $row: { id, by, a, b, atMs }
// Returns: id (no row when one of the people does not exist)
MATCH (x:Person {id: $row.by})
MATCH (a:Person {id: $row.a})
MATCH (b:Person {id: $row.b})
CREATE (d:Dismissal {id: $row.id})
SET d.at = datetime({epochMillis: toInteger($row.atMs)})
CREATE (x)-[:DISMISSED]->(d)
CREATE (d)-[:OF {side: 'a'}]->(a)
CREATE (d)-[:OF {side: 'b'}]->(b)
RETURN d.id AS id
