// Creates or updates KNOWS ties, one per ordered pair (idempotent).
// Parameters: $rows: [{ id, from, to, trust, sinceMs, lastContactMs }]
// Returns: count
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Person {id: row.to})
MERGE (a)-[k:KNOWS]->(b)
SET k.id = row.id, k.trust = row.trust,
    k.since = CASE WHEN row.sinceMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.sinceMs)}) END,
    k.lastContact = CASE WHEN row.lastContactMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.lastContactMs)}) END
RETURN count(k) AS count
