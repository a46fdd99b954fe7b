// A page of introductions, newest first (by outcome when kept to an outcome range), optionally those a person
// made or was part of, in some statuses, recorded in a time range, with an outcome in a time range.
// Parameters: $offset, $limit, $person (id or null), $statuses (list or null), $sinceMs, $beforeMs (epoch ms or null: from, and up to but not including),
//   $outcomeSinceMs, $outcomeBeforeMs (the same for the outcome's date; an undated outcome is outside any such range)
// Returns: id, introducer, a, b, atMs, status, value, note, outcomeAtMs
MATCH (x:Person)-[:MADE]->(i:Introduction)
WHERE ($statuses IS NULL OR i.status IN $statuses)
  AND ($sinceMs IS NULL OR i.at >= datetime({epochMillis: toInteger($sinceMs)}))
  AND ($beforeMs IS NULL OR i.at < datetime({epochMillis: toInteger($beforeMs)}))
  AND ($outcomeSinceMs IS NULL OR i.outcomeAt >= datetime({epochMillis: toInteger($outcomeSinceMs)}))
  AND ($outcomeBeforeMs IS NULL OR i.outcomeAt < datetime({epochMillis: toInteger($outcomeBeforeMs)}))
MATCH (i)-[:INTRODUCED {side: 'a'}]->(a:Person)
MATCH (i)-[:INTRODUCED {side: 'b'}]->(b:Person)
WHERE $person IS NULL OR $person IN [x.id, a.id, b.id]
RETURN i.id AS id, x.id AS introducer, a.id AS a, b.id AS b, i.at.epochMillis AS atMs,
       i.status AS status, i.value AS value, coalesce(i.note, '') AS note, i.outcomeAt.epochMillis AS outcomeAtMs
// kept to an outcome range: the latest outcome first (unfiltered, the key is null throughout and the time recorded orders)
ORDER BY CASE WHEN $outcomeSinceMs IS NULL AND $outcomeBeforeMs IS NULL THEN null ELSE i.outcomeAt END DESC, i.at DESC, i.id
SKIP toInteger($offset) LIMIT toInteger($limit)
