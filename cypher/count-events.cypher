// Number of events, optionally only those a person drove or was reached by ($role 'any'), drove ('drove') or was
// reached by ('reached').
// Parameters: $person (id or null), $role ('any' | 'drove' | 'reached')
// Returns: total
MATCH (e:Event)
WHERE $person IS NULL
   OR ($role <> 'reached' AND EXISTS { MATCH (:Person {id: $person})-[:DROVE]->(e) })
   OR ($role <> 'drove' AND EXISTS { MATCH (e)-[:REACHED]->(:Person {id: $person}) })
RETURN count(e) AS total
