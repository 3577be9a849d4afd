-- A hold keeps every stream of its camera (issue 19), unless it is limited to one.
ALTER TABLE hold ADD COLUMN stream VARCHAR(8);
COMMENT ON COLUMN hold.stream IS 'main or sub when the hold keeps only that stream of the camera; NULL: every stream of it.';
