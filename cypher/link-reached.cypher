// Links events to the people they reached (idempotent).
// Parameters: $rows: [{ event, person, weight }]
// Returns: count
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
MATCH (p:Person {id: row.person})
MERGE (e)-[r:REACHED]->(p)
SET r.weight = row.weight
RETURN count(r) AS count
