// Creates or updates introductions by id with their MADE and INTRODUCED links (idempotent).
// Parameters: $rows: [{ id, introducer, a, b, atMs, status, value, note, outcomeAtMs }]
// Returns: count
UNWIND $rows AS row
MATCH (x:Person {id: row.introducer})
MATCH (a:Person {id: row.a})
MATCH (b:Person {id: row.b})
MERGE (i:Introduction {id: row.id})
SET i.at = datetime({epochMillis: toInteger(row.atMs)}), i.status = row.status, i.value = row.value, i.note = row.note,
    i.outcomeAt = CASE WHEN row.outcomeAtMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.outcomeAtMs)}) END
MERGE (x)-[:MADE]->(i)
MERGE (i)-[:INTRODUCED {side: 'a'}]->(a)
MERGE (i)-[:INTRODUCED {side: 'b'}]->(b)
RETURN count(i) AS count
