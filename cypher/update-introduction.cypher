// Sets status / value / note of one introduction, and its outcome date when asked to.
// Parameters: $id, $patch: map of status/value/note, $setOutcome (boolean), $outcomeAtMs (epoch ms or null)
// Returns: id
MATCH (i:Introduction {id: $id})
SET i += $patch
SET i.outcomeAt = CASE
  WHEN NOT $setOutcome THEN i.outcomeAt
  WHEN $outcomeAtMs IS NULL THEN null
  ELSE datetime({epochMillis: toInteger($outcomeAtMs)})
END
RETURN i.id AS id
