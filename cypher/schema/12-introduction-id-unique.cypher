// Schema: every Introduction has a unique id.
CREATE CONSTRAINT introduction_id_unique IF NOT EXISTS FOR (i:Introduction) REQUIRE i.id IS UNIQUE
