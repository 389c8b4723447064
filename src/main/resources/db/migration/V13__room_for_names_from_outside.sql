-- Text from outside that must be kept whole gets the room it needs (issue 16). The action of an
-- entry's version names the imported file ("import " and a file name of up to 255 characters) or
-- the English rendering added ("add English rendering " and a term of up to 400 characters), which
-- a 40-character column refused with a database error; a first start keeps the absolute path of its
-- corpus folder (up to 4,096 characters on Linux) to resume it after a crash.
ALTER TABLE entry_version ALTER COLUMN action SET DATA TYPE VARCHAR(1000);
ALTER TABLE app_state ALTER COLUMN state SET DATA TYPE VARCHAR(8000);
