// The Neo4j version.
// Parameters: none
// Returns: name, version, edition
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
