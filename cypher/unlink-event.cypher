// Removes an event's DROVE and REACHED links (before writing its new ones).
// Parameters: $id
// Returns: removed
MATCH (e:Event {id: $id})-[l:DROVE|REACHED]-(:Person)
DELETE l
RETURN count(l) AS removed
