// Creates KNOWS ties, for an import into an empty database (the file was validated: one tie per ordered pair,
// every person exists). Never used on a non-empty store, where upsert-ties merges instead.
// Parameters: $rows: [{ id, from, to, trust, sinceMs, lastContactMs }]
// Returns: count
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Person {id: row.to})
CREATE (a)-[k:KNOWS {id: row.id, trust: row.trust}]->(b)
SET k.since = CASE WHEN row.sinceMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.sinceMs)}) END,
    k.lastContact = CASE WHEN row.lastContactMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.lastContactMs)}) END
RETURN count(k) AS count
