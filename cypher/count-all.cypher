// How much is stored.
// Parameters: none
// Returns: people, events, ties, introductions
CALL { MATCH (p:Person) RETURN count(p) AS people }
CALL { MATCH (e:Event) RETURN count(e) AS events }
CALL { MATCH ()-[k:KNOWS]->() RETURN count(k) AS ties }
CALL { MATCH (i:Introduction) RETURN count(i) AS introductions }
RETURN people, events, ties, introductions
