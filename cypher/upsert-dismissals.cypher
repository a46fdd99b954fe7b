// Creates or updates dismissals by id with their DISMISSED and OF links (idempotent); a row whose person already
// dismissed the same pair under another id is left out, so importing a dismissal twice keeps one.
// Parameters: $rows: [{ id, by, a, b, atMs }]
// Returns: count
UNWIND $rows AS row
MATCH (x:Person {id: row.by})
MATCH (a:Person {id: row.a})
MATCH (b:Person {id: row.b})
OPTIONAL MATCH (x)-[:DISMISSED]->(same:Dismissal)-[:OF]->(a)
WHERE (same)-[:OF]->(b)
WITH row, x, a, b, collect(same.id) AS ids
WHERE size(ids) = 0 OR row.id IN ids
MERGE (d:Dismissal {id: row.id})
SET d.at = datetime({epochMillis: toInteger(row.atMs)})
MERGE (x)-[:DISMISSED]->(d)
MERGE (d)-[:OF {side: 'a'}]->(a)
MERGE (d)-[:OF {side: 'b'}]->(b)
RETURN count(d) AS count
