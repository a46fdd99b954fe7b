// Records one introduction; fails with a constraint violation when the id exists.
// Parameters: $row: { id, introducer, a, b, atMs, status, value, note, outcomeAtMs }
// Returns: id (no row when one of the people does not exist)
MATCH (x:Person {id: $row.introducer})
MATCH (a:Person {id: $row.a})
MATCH (b:Person {id: $row.b})
CREATE (i:Introduction {id: $row.id})
SET i.at = datetime({epochMillis: toInteger($row.atMs)}), i.status = $row.status, i.value = $row.value, i.note = $row.note,
    i.outcomeAt = CASE WHEN $row.outcomeAtMs IS NULL THEN null ELSE datetime({epochMillis: toInteger($row.outcomeAtMs)}) END
CREATE (x)-[:MADE]->(i)
CREATE (i)-[:INTRODUCED {side: 'a'}]->(a)
CREATE (i)-[:INTRODUCED {side: 'b'}]->(b)
RETURN i.id AS id
