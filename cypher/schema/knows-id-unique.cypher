// Schema: every KNOWS tie has a unique id (relationship property uniqueness, Neo4j 5.7+).
CREATE CONSTRAINT knows_id_unique IF NOT EXISTS FOR ()-[k:KNOWS]-() REQUIRE k.id IS UNIQUE
