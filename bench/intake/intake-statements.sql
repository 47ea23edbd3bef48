-- pgbench: every statement the api sends to register one person, in its order (libs/cases/src/
-- intake.service.ts register, case-number.ts, person-record.ts, encounter-search.ts,
-- libs/audit/src/audit.service.ts): the row inserts of intake-rows.sql plus the reads in between (the
-- border point twice, the duplicate search through kivuko_encounter_candidates, the audit chain's lock
-- and head). What it does not do is the api's own work: HTTP, validation, encryption, scoring.
--
-- Run by bench/intake.ts as kivuko_app (row-level security applies, as for the api) with -M extended
-- and -D uid=<user id> -D aid=<agency id> -D bps=<border point ids, comma-separated> -D nbp=<how many>. Names come from
-- bench_value, which the benchmark fills from the same generator as the api's load.
\set bpn random(0, :nbp - 1)
\set k random(1, 10000)
BEGIN;
-- The transaction's scope (the api's first statement), plus the values the api's process holds
-- already: ids, the border point, a person's names.
SELECT (SELECT count(set_config(s.name, s.value, true))
          FROM unnest(ARRAY['kivuko.scope', 'kivuko.user_id', 'kivuko.agency_id', 'kivuko.border_point_ids', 'kivuko.roles'],
                      ARRAY['actor', :uid, :aid, :bps, 'SUPERVISOR']) AS s(name, value)) AS scope_settings,
       gen_random_uuid() AS case_id, gen_random_uuid() AS intake_id, b.id AS bp, b.country, b.code,
       extract(year FROM now())::int AS year, md5(random()::text) || md5(random()::text) AS hash,
       v.given_name, v.family_name, v.full_normalised, v.other_name, v.other_normalised, v.nationality,
       'P' || (1000000 + :k * 7)::text AS document_number,
       replace(encode(gen_random_bytes(330), 'base64'), E'\n', '') AS c1,
       replace(encode(gen_random_bytes(270), 'base64'), E'\n', '') AS c2,
       replace(encode(gen_random_bytes(250), 'base64'), E'\n', '') AS c3
FROM (SELECT id, country, code FROM border_point ORDER BY code OFFSET :bpn LIMIT 1) b, bench_value v
WHERE v.n = :k \gset
SELECT active FROM border_point WHERE id = :bp;
INSERT INTO intake_submission (intake_id, payload_hash, border_point_id, submitted_by) VALUES (:intake_id, :hash, :bp, :uid)
ON CONFLICT (intake_id) DO NOTHING RETURNING intake_id;
-- The duplicate search runs before the case number is taken (the counter row stays locked until commit).
SELECT case_id, case_number, names, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, date_of_birth_estimated, nationalities, documents
FROM kivuko_encounter_candidates(ARRAY[:full_normalised::text, :other_normalised::text], ARRAY[:document_number::text], 0.61::real, 50);
SELECT country, code FROM border_point WHERE id = :bp;
INSERT INTO case_number_counter (border_point_id, year, last_value) VALUES (:bp, :year, 1)
ON CONFLICT (border_point_id, year) DO UPDATE SET last_value = case_number_counter.last_value + 1
RETURNING :country::text || '-' || :code::text || '-' || :year::text || '-' || lpad(last_value::text, 6, '0') AS case_number \gset
INSERT INTO case_file (id, case_number, intake_id, intake_position, border_point_id, registered_by, registering_agency_id, status,
  arrived_at, arrival_mode, arrival_how, route, intended_destination, smuggler_used, nationalities, urgent_needs)
VALUES (:case_id, :case_number, :intake_id, 0, :bp, :uid, :aid, 'OPEN', now() - interval '3 hours', 'LAND', 'IRREGULAR_CROSSING',
  ARRAY['ETH', 'KEN']::text[], NULL, true, ARRAY[:nationality::text], '{}'::text[]);
INSERT INTO person (case_id, identity_id, given_name, family_name, other_names, description, sex, date_of_birth,
  date_of_birth_estimated, stated_age, nationalities, area_of_origin, area_of_origin_code, languages, interpreter_needed,
  interpreter_sex, documents_held_by_other)
VALUES (:case_id, :case_id, :given_name, :family_name, ARRAY[:other_name::text], NULL, 'FEMALE', date '1960-01-01' + (:k::int * 2),
  false, NULL, ARRAY[:nationality::text], 'Lower Shabelle', 'SO-SH', ARRAY['so', 'sw']::text[], true, 'FEMALE', NULL);
INSERT INTO person_name (case_id, position, name_normalised)
SELECT :case_id, n.position - 1, n.name FROM unnest(ARRAY[:full_normalised::text, :other_normalised::text]) WITH ORDINALITY AS n(name, position);
INSERT INTO person_document (case_id, position, kind, number, number_normalised, issuing_country, expires_on)
SELECT :case_id, d.position - 1, d.kind, d.number, d.normalised, d.country, d.expires::date
FROM unnest(ARRAY['PASSPORT'], ARRAY[:document_number::text], ARRAY[:document_number::text], ARRAY['SOM'], ARRAY[NULL::text])
  WITH ORDINALITY AS d(kind, number, normalised, country, expires, position);
INSERT INTO case_section (case_id, field_group, content, ciphertext)
SELECT :case_id, s.field_group, s.content::jsonb, s.ciphertext
FROM unnest(ARRAY['ARRIVAL', 'NEEDS', 'ASYLUM', 'HEALTH', 'TRAFFICKING'],
            ARRAY['{"informationGiven": {"topics": ["ASYLUM","LEGAL_AID"],"language": "so","leafletVersion": "TZA-2026.1"}}',
                  '{"questionnaire": "kivuko-screening@1","answers": {"reasons_for_leaving": ["CONFLICT"],"health_triage": "NEEDS_CARE","wants_to_return_home": false}}',
                  NULL, NULL, NULL],
            ARRAY[NULL, NULL, 'v1.bench.' || :c1::text, 'v1.bench.' || :c2::text, 'v1.bench.' || :c3::text]) AS s(field_group, content, ciphertext)
ON CONFLICT (case_id, field_group) DO UPDATE SET content = EXCLUDED.content, ciphertext = EXCLUDED.ciphertext, updated_at = now();
SELECT current_setting('transaction_isolation') AS isolation, pg_advisory_xact_lock(hashtextextended('case:' || :case_id::text, 0));
SELECT hash FROM audit_event WHERE chain_key = 'case:' || :case_id::text ORDER BY id DESC LIMIT 1;
INSERT INTO audit_event (occurred_at, chain_key, action, outcome, actor_user_id, actor_username, actor_agency_id,
  actor_roles, case_id, field_groups, purpose, correlation_id, details, prev_hash, hash)
VALUES (now(), 'case:' || :case_id::text, 'CASE.REGISTERED', 'SUCCESS', :uid, 'border.supervisor', :aid, ARRAY['SUPERVISOR']::text[], :case_id,
  ARRAY['IDENTITY', 'ARRIVAL', 'NEEDS', 'ASYLUM', 'HEALTH', 'TRAFFICKING']::text[], 'INTAKE', :intake_id::text,
  '{"intakeMode": "FULL","possibleEncounters": 0}'::jsonb, NULL, :hash);
UPDATE intake_submission SET response = jsonb_build_object('intakeId', :intake_id::text, 'mode', 'FULL', 'cases',
  jsonb_build_array(jsonb_build_object('id', :case_id::text, 'caseNumber', :case_number::text, 'status', 'OPEN', 'version', 1, 'possibleEncounters', '[]'::jsonb)))
WHERE intake_id = :intake_id;
COMMIT;
