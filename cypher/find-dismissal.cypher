// The dismissal a person already made of a pair (either order), if any.
// Parameters: $by, $a, $b
// Returns: id
MATCH (:Person {id: $by})-[:DISMISSED]->(d:Dismissal)
MATCH (:Person {id: $a})<-[:OF]-(d)-[:OF]->(:Person {id: $b})
RETURN d.id AS id
LIMIT 1
