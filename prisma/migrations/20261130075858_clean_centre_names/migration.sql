-- Centre names without the catalogue compilers' remarks (« Cnam Paris (site www.cnam-paris.fr) » →
-- « Cnam Paris »), as cleanCentreName (lib/catalogue/domain/import.ts) now imports them: letters
-- and screens print the name. Another bracket (« (Cnam PACA) ») stays.
UPDATE "Centre"
SET name = btrim(regexp_replace(regexp_replace(name, '\s*\((site\y[^)]*|[^)]*\ywww\.[^)]*|[^)]*https?://[^)]*|historique|lieu d''enseignement)\)', '', 'gi'), '\s+', ' ', 'g'))
WHERE name ~* '\((site\y|[^)]*\ywww\.|[^)]*https?://|historique\)|lieu d''enseignement\))';
