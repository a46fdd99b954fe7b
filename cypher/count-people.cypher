// Number of people, optionally filtered like list-people.
// Parameters: $q (string or null)
// Returns: total
MATCH (p:Person)
WHERE $q IS NULL OR toLower(p.name) CONTAINS toLower($q) OR toLower(p.id) CONTAINS toLower($q)
RETURN count(p) AS total
