// Creates one event node; fails with a constraint violation when the id exists.
// Parameters: $row: { id, title, atMs, kind, sector, medium, valence, magnitude, fade }
// Returns: id
CREATE (e:Event {id: $row.id})
SET e.title = $row.title, e.at = datetime({epochMillis: toInteger($row.atMs)}), e.kind = $row.kind, e.sector = $row.sector,
    e.medium = $row.medium, e.valence = $row.valence, e.magnitude = $row.magnitude, e.fade = $row.fade
RETURN e.id AS id
