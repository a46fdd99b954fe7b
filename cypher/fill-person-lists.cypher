// Gives a batch of people without sectors, offers or seeks an empty list there, as the online import stores them:
// Neo4j's bulk importer cannot store an empty array (it leaves the property out). Run until it returns 0.
// Parameters: $limit
// Returns: filled
MATCH (p:Person)
WHERE p.sectors IS NULL OR p.offers IS NULL OR p.seeks IS NULL
WITH p LIMIT toInteger($limit)
SET p.sectors = coalesce(p.sectors, []), p.offers = coalesce(p.offers, []), p.seeks = coalesce(p.seeks, [])
RETURN count(p) AS filled
