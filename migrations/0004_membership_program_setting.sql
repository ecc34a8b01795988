-- Program settings with effective dates: a decision on a date uses the settings in force then.
CREATE TABLE IF NOT EXISTS program_setting (
  id bigserial PRIMARY KEY,
  effective_from date NOT NULL UNIQUE,
  bases text[] NOT NULL CHECK (bases <@ ARRAY['RESIDENT', 'NEWBORN', 'DINSOS_RECOMMENDATION', 'POOR']::text[] AND cardinality(bases) > 0),
  excluded_segments text[] NOT NULL CHECK (excluded_segments <@ ARRAY['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA', 'PPU', 'PBPU', 'BP']::text[]),
  note text NOT NULL DEFAULT '',
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The universal basis of Perda 9/2018 art. 7, in force from the regulation's year.
INSERT INTO program_setting (effective_from, bases, excluded_segments, note)
VALUES ('2018-01-01', ARRAY['RESIDENT', 'NEWBORN', 'DINSOS_RECOMMENDATION'], ARRAY['PBI_APBN', 'PBI_APBD', 'PBPU_PEMDA'],
        'Perda Kota Bekasi 9/2018 pasal 7: seluruh penduduk kecuali peserta JKN yang iurannya dibayar pemerintah')
ON CONFLICT (effective_from) DO NOTHING;
