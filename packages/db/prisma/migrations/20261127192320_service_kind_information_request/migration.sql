-- The domain package and issue 4 call this kind INFORMATION_REQUEST (SP4N-LAPOR! report type
-- "permintaan informasi"). Renamed in place so existing rows keep their kind.
ALTER TYPE "service_kind" RENAME VALUE 'INFORMATION' TO 'INFORMATION_REQUEST';
