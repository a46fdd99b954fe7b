// Sets status / value / note of one introduction.
// Parameters: $id, $patch: map of status/value/note
// Returns: id
MATCH (i:Introduction {id: $id})
SET i += $patch
RETURN i.id AS id
