// Creates or updates people by id (idempotent).
// Parameters: $rows: [{ id, name, sectors, offers, seeks }]
// Returns: count
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.sectors = row.sectors, p.offers = row.offers, p.seeks = row.seeks
RETURN count(p) AS count
