// Schema migration: databases created before the KNOWS.id index had a uniqueness constraint in its place.
DROP CONSTRAINT knows_id_unique IF EXISTS
