// Number of introductions, optionally those a person made or was part of, in some statuses, recorded in a time
// range, with an outcome in a time range.
// Parameters: $person (id or null), $statuses (list or null), $sinceMs, $beforeMs (epoch ms or null: from, and up to but not including),
//   $outcomeSinceMs, $outcomeBeforeMs (the same for the outcome's date; an undated outcome is outside any such range)
// Returns: total
MATCH (x:Person)-[:MADE]->(i:Introduction)
WHERE ($person IS NULL OR x.id = $person OR EXISTS { MATCH (i)-[:INTRODUCED]->(:Person {id: $person}) })
  AND ($statuses IS NULL OR i.status IN $statuses)
  AND ($sinceMs IS NULL OR i.at >= datetime({epochMillis: toInteger($sinceMs)}))
  AND ($beforeMs IS NULL OR i.at < datetime({epochMillis: toInteger($beforeMs)}))
  AND ($outcomeSinceMs IS NULL OR i.outcomeAt >= datetime({epochMillis: toInteger($outcomeSinceMs)}))
  AND ($outcomeBeforeMs IS NULL OR i.outcomeAt < datetime({epochMillis: toInteger($outcomeBeforeMs)}))
RETURN count(i) AS total
