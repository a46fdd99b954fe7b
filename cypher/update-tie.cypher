// Sets trust / since / lastContact of one tie.
// Parameters: $id, $trust (or null to keep), $setSince, $sinceMs, $setLastContact, $lastContactMs
// Returns: id
MATCH ()-[k:KNOWS {id: $id}]->()
SET k.trust = coalesce($trust, k.trust),
    k.since = CASE WHEN $setSince THEN (CASE WHEN $sinceMs IS NULL THEN null ELSE datetime({epochMillis: toInteger($sinceMs)}) END) ELSE k.since END,
    k.lastContact = CASE WHEN $setLastContact THEN (CASE WHEN $lastContactMs IS NULL THEN null ELSE datetime({epochMillis: toInteger($lastContactMs)}) END) ELSE k.lastContact END
RETURN k.id AS id
