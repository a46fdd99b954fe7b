// Links events to the people who drove them (idempotent).
// Parameters: $rows: [{ event, person, role }]
// Returns: count
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
MATCH (p:Person {id: row.person})
MERGE (p)-[d:DROVE]->(e)
SET d.role = row.role
RETURN count(d) AS count
