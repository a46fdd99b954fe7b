// Schema: every Dismissal (a suggestion someone asked not to see again) has a unique id.
CREATE CONSTRAINT dismissal_id_unique IF NOT EXISTS FOR (d:Dismissal) REQUIRE d.id IS UNIQUE
