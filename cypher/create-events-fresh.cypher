// Creates events with their DROVE and REACHED links, for an import into an empty database (the file was
// validated: ids are unique and every person exists). Much cheaper than MERGE; never used on a non-empty store.
// Parameters: $rows: [{ id, title, atMs, kind, sector, medium, valence, magnitude, fade, drivers: [{person, role}], reached: [{person, weight}] }]
// Returns: count
UNWIND $rows AS row
CREATE (e:Event {id: row.id, title: row.title, at: datetime({epochMillis: toInteger(row.atMs)}), kind: row.kind,
                 sector: row.sector, medium: row.medium, valence: row.valence, magnitude: row.magnitude, fade: row.fade})
WITH e, row
CALL (e, row) {
  UNWIND row.drivers AS d
  MATCH (p:Person {id: d.person})
  CREATE (p)-[:DROVE {role: d.role}]->(e)
}
CALL (e, row) {
  UNWIND row.reached AS r
  MATCH (p:Person {id: r.person})
  CREATE (e)-[:REACHED {weight: r.weight}]->(p)
}
RETURN count(e) AS count
