// Creates or updates events by id (idempotent); links are written by link-drivers / link-reached.
// Parameters: $rows: [{ id, title, atMs, kind, sector, medium, valence, magnitude, fade (JSON string or null) }]
// Returns: count
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e.title = row.title, e.at = datetime({epochMillis: toInteger(row.atMs)}), e.kind = row.kind, e.sector = row.sector,
    e.medium = row.medium, e.valence = row.valence, e.magnitude = row.magnitude, e.fade = row.fade
RETURN count(e) AS count
