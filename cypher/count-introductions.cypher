// Number of introductions, optionally those a person made or was part of, in some statuses, recorded before a time.
// Parameters: $person (id or null), $statuses (list or null), $beforeMs (epoch ms or null)
// Returns: total
MATCH (x:Person)-[:MADE]->(i:Introduction)
WHERE ($person IS NULL OR x.id = $person OR EXISTS { MATCH (i)-[:INTRODUCED]->(:Person {id: $person}) })
  AND ($statuses IS NULL OR i.status IN $statuses)
  AND ($beforeMs IS NULL OR i.at < datetime({epochMillis: toInteger($beforeMs)}))
RETURN count(i) AS total
