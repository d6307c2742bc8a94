-- CreateEnum
CREATE TYPE "survey_age_band" AS ENUM ('AGE_UNDER_20', 'AGE_20_29', 'AGE_30_39', 'AGE_40_49', 'AGE_50_59', 'AGE_60_PLUS');

-- CreateEnum
CREATE TYPE "survey_education" AS ENUM ('SD', 'SLTP', 'SLTA', 'D1_D3_D4', 'S1', 'S2_PLUS');

-- CreateEnum
CREATE TYPE "survey_occupation" AS ENUM ('PNS_TNI_POLRI', 'SWASTA', 'WIRAUSAHA', 'PELAJAR_MAHASISWA', 'LAINNYA');

-- The respondent profile takes the options of the SKM form (issue 16 kind 4). The free text stored
-- before is mapped exactly as @layanan/domain's mapLegacyProfile maps it (survey-profile-legacy.ts;
-- a test applies this migration to legacy rows and compares): a text that means exactly one option
-- becomes that option; anything else becomes "not stated" and its original text is kept in
-- "profileLegacyText", so nothing is lost.
ALTER TABLE "survey_response" RENAME COLUMN "ageBand" TO "legacyAgeBand";
ALTER TABLE "survey_response" RENAME COLUMN "education" TO "legacyEducation";
ALTER TABLE "survey_response" RENAME COLUMN "occupation" TO "legacyOccupation";

-- AlterTable
ALTER TABLE "survey_response" ADD COLUMN     "age" INTEGER,
ADD COLUMN     "profileLegacyText" JSONB,
ADD COLUMN     "ageBand" "survey_age_band",
ADD COLUMN     "education" "survey_education",
ADD COLUMN     "occupation" "survey_occupation";

-- An age in whole years, as the domain accepts it (SURVEY_AGE_LIMITS).
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_age_check" CHECK ("age" BETWEEN 10 AND 120);

-- legacyProfileKey: dots removed, runs of spaces/tabs/line breaks one space, trimmed, lower case.
CREATE FUNCTION pg_temp.survey_legacy_key(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT lower(regexp_replace(regexp_replace(replace(t, '.', ''), '[ \t\r\n]+', ' ', 'g'), '^ +| +$', '', 'g'))
$$;

-- surveyAgeBand
CREATE FUNCTION pg_temp.survey_age_band(a integer) RETURNS "survey_age_band" LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT (CASE WHEN a < 20 THEN 'AGE_UNDER_20' WHEN a < 30 THEN 'AGE_20_29' WHEN a < 40 THEN 'AGE_30_39'
    WHEN a < 50 THEN 'AGE_40_49' WHEN a < 60 THEN 'AGE_50_59' ELSE 'AGE_60_PLUS' END)::"survey_age_band"
$$;

-- mapLegacyAge, age: a plain number of years within the limits.
CREATE FUNCTION pg_temp.survey_legacy_age(k text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT n FROM (SELECT substring(k FROM '^([0-9]{1,3})( ?(tahun|thn|th))?$')::integer AS n) x
  WHERE n BETWEEN 10 AND 120
$$;

-- mapLegacyAge, band: of the age; of a range inside one band; under 20 or less; 60 or more.
CREATE FUNCTION pg_temp.survey_legacy_age_band(k text) RETURNS "survey_age_band" LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE
    WHEN k ~ '^[0-9]{1,3}( ?(tahun|thn|th))?$' THEN pg_temp.survey_age_band(pg_temp.survey_legacy_age(k))
    WHEN k ~ '^[0-9]{1,3} ?(-|–|—|s/d|sd|sampai|hingga) ?[0-9]{1,3}( ?(tahun|thn|th))?$' THEN (
      SELECT CASE WHEN lo <= hi AND pg_temp.survey_age_band(lo) = pg_temp.survey_age_band(hi)
        THEN pg_temp.survey_age_band(lo) END
      FROM (SELECT substring(k FROM '^([0-9]{1,3})')::integer AS lo,
                   substring(k FROM '([0-9]{1,3})( ?(tahun|thn|th))?$')::integer AS hi) r)
    WHEN k ~ '^(<|kurang dari|di bawah|dibawah) ?[0-9]{1,3}( ?(tahun|thn|th))?$' THEN
      CASE WHEN substring(k FROM '([0-9]{1,3})')::integer <= 20 THEN 'AGE_UNDER_20'::"survey_age_band" END
    WHEN k ~ '^(>=|≥|lebih dari|di atas|diatas) ?[0-9]{1,3}( ?(tahun|thn|th))?$'
      OR k ~ '^[0-9]{1,3} ?(\+|ke atas|keatas)( ?(tahun|thn|th))?$' THEN
      CASE WHEN substring(k FROM '([0-9]{1,3})')::integer >= 60 THEN 'AGE_60_PLUS'::"survey_age_band" END
  END
$$;

-- LEGACY_EDUCATION_SYNONYMS and LEGACY_OCCUPATION_SYNONYMS.
UPDATE "survey_response" SET
  "age" = pg_temp.survey_legacy_age(pg_temp.survey_legacy_key("legacyAgeBand")),
  "ageBand" = pg_temp.survey_legacy_age_band(pg_temp.survey_legacy_key("legacyAgeBand")),
  "education" = (SELECT e.option::"survey_education" FROM (VALUES
    ('sd', 'SD'), ('sd ke bawah', 'SD'), ('sd kebawah', 'SD'), ('sd/mi', 'SD'), ('sd sederajat', 'SD'),
    ('sekolah dasar', 'SD'), ('tidak sekolah', 'SD'), ('tidak tamat sd', 'SD'),
    ('sltp', 'SLTP'), ('smp', 'SLTP'), ('mts', 'SLTP'), ('smp/mts', 'SLTP'), ('smp sederajat', 'SLTP'),
    ('sltp sederajat', 'SLTP'),
    ('slta', 'SLTA'), ('sma', 'SLTA'), ('smu', 'SLTA'), ('smk', 'SLTA'), ('stm', 'SLTA'), ('sma/smk', 'SLTA'),
    ('sma/ma/smk', 'SLTA'), ('sma sederajat', 'SLTA'), ('slta sederajat', 'SLTA'),
    ('d1', 'D1_D3_D4'), ('d2', 'D1_D3_D4'), ('d3', 'D1_D3_D4'), ('d4', 'D1_D3_D4'), ('diploma', 'D1_D3_D4'),
    ('d1_d3_d4', 'D1_D3_D4'), ('d1-d3-d4', 'D1_D3_D4'), ('d1–d3–d4', 'D1_D3_D4'), ('d3/d4', 'D1_D3_D4'),
    ('s1', 'S1'), ('sarjana', 'S1'), ('strata 1', 'S1'), ('sarjana (s1)', 'S1'),
    ('s2', 'S2_PLUS'), ('s3', 'S2_PLUS'), ('s2/s3', 'S2_PLUS'), ('s2_plus', 'S2_PLUS'), ('s2 ke atas', 'S2_PLUS'),
    ('magister', 'S2_PLUS'), ('pascasarjana', 'S2_PLUS'), ('doktor', 'S2_PLUS')
  ) AS e(key, option) WHERE e.key = pg_temp.survey_legacy_key("legacyEducation")),
  "occupation" = (SELECT o.option::"survey_occupation" FROM (VALUES
    ('pns', 'PNS_TNI_POLRI'), ('asn', 'PNS_TNI_POLRI'), ('pppk', 'PNS_TNI_POLRI'), ('tni', 'PNS_TNI_POLRI'),
    ('polri', 'PNS_TNI_POLRI'), ('polisi', 'PNS_TNI_POLRI'), ('tni/polri', 'PNS_TNI_POLRI'),
    ('pns/tni/polri', 'PNS_TNI_POLRI'), ('pns_tni_polri', 'PNS_TNI_POLRI'), ('pegawai negeri', 'PNS_TNI_POLRI'),
    ('pegawai negeri sipil', 'PNS_TNI_POLRI'),
    ('swasta', 'SWASTA'), ('pegawai swasta', 'SWASTA'), ('karyawan swasta', 'SWASTA'), ('karyawan', 'SWASTA'),
    ('wirausaha', 'WIRAUSAHA'), ('wiraswasta', 'WIRAUSAHA'), ('pengusaha', 'WIRAUSAHA'), ('pedagang', 'WIRAUSAHA'),
    ('pelajar', 'PELAJAR_MAHASISWA'), ('siswa', 'PELAJAR_MAHASISWA'), ('mahasiswa', 'PELAJAR_MAHASISWA'),
    ('pelajar/mahasiswa', 'PELAJAR_MAHASISWA'), ('pelajar_mahasiswa', 'PELAJAR_MAHASISWA'),
    ('lainnya', 'LAINNYA'), ('lain-lain', 'LAINNYA'), ('lain lain', 'LAINNYA')
  ) AS o(key, option) WHERE o.key = pg_temp.survey_legacy_key("legacyOccupation"))
WHERE "legacyAgeBand" IS NOT NULL OR "legacyEducation" IS NOT NULL OR "legacyOccupation" IS NOT NULL;

-- The original text of each given field that mapped to nothing.
UPDATE "survey_response" SET "profileLegacyText" = nullif(jsonb_strip_nulls(jsonb_build_object(
    'ageBand', CASE WHEN "ageBand" IS NULL AND pg_temp.survey_legacy_key("legacyAgeBand") <> '' THEN "legacyAgeBand" END,
    'education', CASE WHEN "education" IS NULL AND pg_temp.survey_legacy_key("legacyEducation") <> '' THEN "legacyEducation" END,
    'occupation', CASE WHEN "occupation" IS NULL AND pg_temp.survey_legacy_key("legacyOccupation") <> '' THEN "legacyOccupation" END
  )), '{}'::jsonb)
WHERE "legacyAgeBand" IS NOT NULL OR "legacyEducation" IS NOT NULL OR "legacyOccupation" IS NOT NULL;

ALTER TABLE "survey_response" DROP COLUMN "legacyAgeBand",
DROP COLUMN "legacyEducation",
DROP COLUMN "legacyOccupation";

DROP FUNCTION pg_temp.survey_legacy_age_band(text);
DROP FUNCTION pg_temp.survey_legacy_age(text);
DROP FUNCTION pg_temp.survey_age_band(integer);
DROP FUNCTION pg_temp.survey_legacy_key(text);
