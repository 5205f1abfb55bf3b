-- Text limits are kept by the rules in code points, as pydantic and PostgreSQL count them, while H2 counts a VARCHAR's
-- length in UTF-16 units, so that an emoji would take two: the columns that had a limit a person's text can reach
-- take any length, and the rules alone bound them.

ALTER TABLE organizations ALTER COLUMN name SET DATA TYPE VARCHAR;
ALTER TABLE projects ALTER COLUMN description SET DATA TYPE VARCHAR;
ALTER TABLE alerts ALTER COLUMN name SET DATA TYPE VARCHAR;
ALTER TABLE variables ALTER COLUMN description SET DATA TYPE VARCHAR;
ALTER TABLE variable_labels ALTER COLUMN label SET DATA TYPE VARCHAR;
ALTER TABLE variable_labels ALTER COLUMN target_label SET DATA TYPE VARCHAR;
ALTER TABLE variable_rollout_weights ALTER COLUMN label SET DATA TYPE VARCHAR;
