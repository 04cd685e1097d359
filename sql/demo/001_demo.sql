-- Demo data: the Caf des Yvelines (781) with partners modelled on the seeds'
-- worked examples, and the Caf de l'Aveyron (121) with one partner, so that
-- cross-Caf and cross-partner scoping can be tested. Logins and passwords:
-- sql/demo/LOGINS.txt. Every name, address and e-mail here is fictitious.
--
-- Closing dates are exclusive (closed from that day on), as in the core.
-- Fixed dates keep the data reproducible; the one exception is
-- password_set_at, set at load time so that demo passwords are valid for
-- 45 days from the load (load-time data, not a time decision).
-- Declarations: rows only (states and actors); their values arrive with the
-- declarations module's demo files (sql/demo/3xx).

-- ---------------------------------------------------------------- Cafs
INSERT INTO caf (code, name, department, contact_email, contact_phone) VALUES
	('781', 'Caf des Yvelines', '78', 'partenaires.caf78@example.fr', '01 30 00 00 00'),
	('121', 'Caf de l''Aveyron', '12', 'partenaires.caf12@example.fr', '05 65 00 00 00');
SET @caf78 = (SELECT id FROM caf WHERE code = '781');
SET @caf12 = (SELECT id FROM caf WHERE code = '121');

INSERT INTO partner_type (code, label) VALUES
	('COMMUNE', 'Commune'),
	('EPCI', 'Établissement public de coopération intercommunale'),
	('ASSOCIATION', 'Association loi 1901'),
	('ENTREPRISE', 'Entreprise'),
	('CCAS', 'Centre communal d''action sociale');

-- ---------------------------------------------------------------- partners
INSERT INTO partner (caf_id, type_id, name, address, postal_code, city, created_at)
SELECT @caf78, t.id, p.name, p.address, p.postal_code, p.city, 1685577600
FROM (
	SELECT 1 AS n, 'COMMUNE' AS type, 'Commune de Mareil-les-Prés' AS name,
		'1 place de la Mairie' AS address, '78750' AS postal_code, 'Mareil-les-Prés' AS city
	UNION ALL SELECT 2, 'COMMUNE', 'Commune de Villiers-le-Haut',
		'12 rue de la République', '78770', 'Villiers-le-Haut'
	UNION ALL SELECT 3, 'ASSOCIATION', 'Association Les P''tits Loups',
		'4 chemin des Vignes', '78470', 'Saint-Rémy-des-Bois'
	UNION ALL SELECT 4, 'ASSOCIATION', 'Association Loisirs Jeunesse de la Mauldre',
		'8 avenue des Tilleuls', '78490', 'Vallée-de-Mauldre'
	UNION ALL SELECT 5, 'EPCI', 'Syndicat intercommunal du Pays des Étangs',
		'2 rue des Étangs', '78320', 'Le Mesnil-aux-Étangs'
) p JOIN partner_type t ON t.code = p.type
ORDER BY p.n;
INSERT INTO partner (caf_id, type_id, name, address, postal_code, city, created_at)
SELECT @caf12, id, 'Centre social du Causse Comtal', '3 rue du Foirail', '12340',
	'Causse-Comtal', 1685577600
FROM partner_type WHERE code = 'ASSOCIATION';

SET @p_mareil = (SELECT id FROM partner WHERE name = 'Commune de Mareil-les-Prés');
SET @p_villiers = (SELECT id FROM partner WHERE name = 'Commune de Villiers-le-Haut');
SET @p_loups = (SELECT id FROM partner WHERE name = 'Association Les P''tits Loups');
SET @p_mauldre = (SELECT id FROM partner WHERE name = 'Association Loisirs Jeunesse de la Mauldre');
SET @p_etangs = (SELECT id FROM partner WHERE name = 'Syndicat intercommunal du Pays des Étangs');
SET @p_causse = (SELECT id FROM partner WHERE name = 'Centre social du Causse Comtal');

-- ---------------------------------------------------------------- accounts
-- Caf agents: one per Yvelines role; the Aveyron has one agent holding all.
INSERT INTO account (login, email, last_name, first_name, phone, kind, caf_id, partner_id,
	caf_roles, opened_on, closed_on, password_hash, password_set_at, created_at) VALUES
	('ENF0780001', 'sophie.marchand@example.fr', 'MARCHAND', 'Sophie', '01 30 00 00 01',
		'caf', @caf78, NULL, 'admin', '2023-06-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$P/7wPNg9VflOyNQfjqNnjA$+8P5I3tOiBax+T8UAx3+JLRybO7BlFEBwUT64l/LknQ', UNIX_TIMESTAMP(), 1685577600),
	('ENF0780002', 'julien.rocher@example.fr', 'ROCHER', 'Julien', '01 30 00 00 02',
		'caf', @caf78, NULL, 'habilitation_manager', '2023-06-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$WI+Wmsen1BMTrh/AljgJ6g$buCaX3C1TQ7KLA9aL88Nra7AadDh2HwAmudNxcXnxw4', UNIX_TIMESTAMP(), 1685577600),
	('ENF0780003', 'nadia.benali@example.fr', 'BENALI', 'Nadia', '01 30 00 00 03',
		'caf', @caf78, NULL, 'instructor', '2023-06-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$LzucBpBb9bQd4f80Nfn1Ww$TEDihgMhZCDw866fAwp6YhJEWguFFWLl/T1ua7qZU7I', UNIX_TIMESTAMP(), 1685577600),
	('ENF0120001', 'marion.cayla@example.fr', 'CAYLA', 'Marion', '05 65 00 00 01',
		'caf', @caf12, NULL, 'admin,habilitation_manager,instructor', '2023-06-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$QAlENfcu5fIeT/Yxxz1nyg$rvFeSUaeFOzv08/9YPPnIcYBopoPLtoQNjCuO/hLFSM', UNIX_TIMESTAMP(), 1685577600);

-- Partner users. Example 1 (Mareil-les-Prés, 3 EAJE, 5 people, plus a
-- former director whose account is closed); example 2 (Villiers-le-Haut,
-- 3 EAJE, 2 people); example 3 (Les P'tits Loups, 1 EAJE, 1 person);
-- an ALSH association; a RAM syndicate; the Aveyron partner.
INSERT INTO account (login, email, last_name, first_name, phone, kind, caf_id, partner_id,
	opened_on, closed_on, password_hash, password_set_at, created_at) VALUES
	('ENF0780004', 'claire.dumas@example.org', 'DUMAS', 'Claire', '01 39 10 00 04',
		'partner', NULL, @p_mareil, '2025-07-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$xdkKQUx5SJ83WpjXzdnfNg$aShnmGukCc4T4ROkTXqhHfURSOUbpub67stBS+paCIs', UNIX_TIMESTAMP(), 1751360400),
	('ENF0780005', 'thomas.leroy@example.org', 'LEROY', 'Thomas', '01 39 10 00 05',
		'partner', NULL, @p_mareil, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$zuboh8Bxx5tUCsI7CDPaxQ$8yfymHNpL1YpZwi0pe4FtIOfeFalM1Hqu/PZOyyNs/Q', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780006', 'amelie.fontaine@example.org', 'FONTAINE', 'Amélie', '01 39 10 00 06',
		'partner', NULL, @p_mareil, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$sd0+6n8RFhNpeU+9f6uNYg$Zg9tz2TGMZoOgGJnvewiKER2hDw3SZCyMURLKWYzj68', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780007', 'bruno.garnier@example.org', 'GARNIER', 'Bruno', '01 39 10 00 07',
		'partner', NULL, @p_mareil, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$3POmt93cbAxp/CuXlnIOKQ$1sV09RAc1FBR4VSRU7x59qetJfsLCcNaKv0qa2wUHXY', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780008', 'helene.vasseur@example.org', 'VASSEUR', 'Hélène', '01 39 10 00 08',
		'partner', NULL, @p_mareil, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$+VconyboCbedHigr2RNJyw$LuF84Q/lv/lS3+gIwN2NMRzD18IQYOH2QU/ziKqVKRY', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780009', 'patrick.morel@example.org', 'MOREL', 'Patrick', NULL,
		'partner', NULL, @p_mareil, '2023-09-01', '2025-07-01', '$argon2id$v=19$m=19456,t=2,p=1$8fNdCtZCQB3OrtGVhITjSw$Vplfux2IroK3kgE6j5KvNbQyyoE+0lHJ4dQgUZ++foA', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780010', 'karim.haddad@example.org', 'HADDAD', 'Karim', '01 34 20 00 10',
		'partner', NULL, @p_villiers, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$W7mW/mLvyN1dbZdG+itEIQ$EfBpVfbPzTN3tQvfo7w2+kJL6psaH+zSV72+7gaXpVo', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780011', 'isabelle.perrin@example.org', 'PERRIN', 'Isabelle', '01 34 20 00 11',
		'partner', NULL, @p_villiers, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$IOhkPzJOmqUtLrsCDbjLvA$KZsw8lKUWDXrfRdO34gwtGl0XmwNvsNA5DAeQL9J0jM', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780012', 'jm.lebrun@example.org', 'LEBRUN', 'Jean-Marc', '06 00 00 00 12',
		'partner', NULL, @p_loups, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$N/RV/x4irK9nc54hjpeXWA$XLvJX8opAADE2ToZGpWgsp+xhjMsSDqDUA0MHqwMtGw', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780013', 'sandrine.colin@example.org', 'COLIN', 'Sandrine', '01 34 30 00 13',
		'partner', NULL, @p_mauldre, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$Vb2agu07eW3Gw85hIcRxAw$Hvfdm0eQCbErF1RxIu5fJIWOq3j/SI8xQuoZDx+tvRM', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780014', 'olivier.brunet@example.org', 'BRUNET', 'Olivier', '01 34 30 00 14',
		'partner', NULL, @p_mauldre, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$Nthu2JQJpbqeC4xk/8mOOg$Z7HOOSkal9IPqG+tP/M2t0PXZ9fnnC4uSX9CIdbgzEI', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780015', 'lea.martin@example.org', 'MARTIN', 'Léa', NULL,
		'partner', NULL, @p_mauldre, '2024-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$0iXWEkQa+5mT4SLhQlq29Q$6T4LQOt5/DwMxSeIL/3gTH0luOf89ilqlH1QBnq6pVA', UNIX_TIMESTAMP(), 1725181200),
	('ENF0780016', 'francois.giraud@example.org', 'GIRAUD', 'François', '01 34 40 00 16',
		'partner', NULL, @p_etangs, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$i2zZBFBRoBkZ132a555GIQ$1GPEB+/E/3WDYVAKT6HVuObnb5Syn0p0TOolv4s2E2Y', UNIX_TIMESTAMP(), 1693558800),
	('ENF0780017', 'emilie.roussel@example.org', 'ROUSSEL', 'Émilie', '01 34 40 00 17',
		'partner', NULL, @p_etangs, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$71z+bkThEdQ7VMEwOajcDA$lOL9GJkSR8ckHKVmqhSnDaFjTet04uz75nG+YwaMfsA', UNIX_TIMESTAMP(), 1693558800),
	('ENF0120002', 'pierre.viguier@example.org', 'VIGUIER', 'Pierre', '05 65 40 00 02',
		'partner', NULL, @p_causse, '2023-09-01', NULL, '$argon2id$v=19$m=19456,t=2,p=1$Hkl+UC7m6chhUAcnECxXkQ$BapIlbKjIcIP1Cpyj3/KQ9zDeTqa8YbOfDAIQm2i8R4', UNIX_TIMESTAMP(), 1693558800);

-- Short names for the rest of the file.
SET @a_admin78 = (SELECT id FROM account WHERE login = 'ENF0780001');
SET @a_habm78 = (SELECT id FROM account WHERE login = 'ENF0780002');
SET @a_instr78 = (SELECT id FROM account WHERE login = 'ENF0780003');
SET @a_agent12 = (SELECT id FROM account WHERE login = 'ENF0120001');
SET @a_dumas = (SELECT id FROM account WHERE login = 'ENF0780004');
SET @a_leroy = (SELECT id FROM account WHERE login = 'ENF0780005');
SET @a_fontaine = (SELECT id FROM account WHERE login = 'ENF0780006');
SET @a_garnier = (SELECT id FROM account WHERE login = 'ENF0780007');
SET @a_vasseur = (SELECT id FROM account WHERE login = 'ENF0780008');
SET @a_morel = (SELECT id FROM account WHERE login = 'ENF0780009');
SET @a_haddad = (SELECT id FROM account WHERE login = 'ENF0780010');
SET @a_perrin = (SELECT id FROM account WHERE login = 'ENF0780011');
SET @a_lebrun = (SELECT id FROM account WHERE login = 'ENF0780012');
SET @a_colin = (SELECT id FROM account WHERE login = 'ENF0780013');
SET @a_brunet = (SELECT id FROM account WHERE login = 'ENF0780014');
SET @a_martin = (SELECT id FROM account WHERE login = 'ENF0780015');
SET @a_giraud = (SELECT id FROM account WHERE login = 'ENF0780016');
SET @a_roussel = (SELECT id FROM account WHERE login = 'ENF0780017');
SET @a_viguier = (SELECT id FROM account WHERE login = 'ENF0120002');

-- ---------------------------------------------------------------- conventions
INSERT INTO convention (caf_id, partner_id, label, opened_on, status, validated_on, created_by, created_at)
SELECT caf_id, id, name, '2023-06-15', 'open', '2023-07-03',
	IF(caf_id = @caf78, @a_admin78, @a_agent12), 1686819600
FROM partner ORDER BY id;

-- Every convention opens the AFAS service (aides financières d'action sociale), locally.
INSERT INTO convention_service (convention_id, service, scope, opened_on)
SELECT id, 'AFAS', 'local', '2023-07-03' FROM convention ORDER BY id;

-- ---------------------------------------------------------------- facilities
INSERT INTO facility (partner_id, caf_id, convention_id, code, kind, nature, care_type, name,
	address, postal_code, city, department, places,
	caf_referent_name, caf_referent_email, caf_referent_phone, opened_on, created_at)
SELECT p.id, p.caf_id, c.id, f.code, f.kind, f.nature, f.care_type, f.name,
	f.address, p.postal_code, p.city, IF(p.caf_id = @caf78, '78', '12'), f.places,
	IF(p.caf_id = @caf78, 'Nadia BENALI', 'Marion CAYLA'),
	IF(p.caf_id = @caf78, 'nadia.benali@example.fr', 'marion.cayla@example.fr'),
	IF(p.caf_id = @caf78, '01 30 00 00 03', '05 65 00 00 01'),
	f.opened_on, 1686819600
FROM (
	SELECT 1 AS n, @p_mareil AS partner_id, 'EAJE-781-0001' AS code, 'EAJE' AS kind,
		NULL AS nature, 'collectif' AS care_type, 'Multi-accueil Les Lucioles' AS name,
		'5 rue des Écoles' AS address, 40 AS places, '2005-09-01' AS opened_on
	UNION ALL SELECT 2, @p_mareil, 'EAJE-781-0002', 'EAJE', NULL, 'familial',
		'Crèche familiale Les Petits Pas', '18 allée des Peupliers', 30, '2010-01-04'
	UNION ALL SELECT 3, @p_mareil, 'EAJE-781-0003', 'EAJE', NULL, 'collectif',
		'Multi-accueil La Moufletterie', '2 square Colette', 24, '2014-09-01'
	UNION ALL SELECT 4, @p_villiers, 'EAJE-781-0004', 'EAJE', NULL, 'collectif',
		'Crèche collective Les Coccinelles', '9 rue Pasteur', 45, '1998-09-01'
	UNION ALL SELECT 5, @p_villiers, 'EAJE-781-0005', 'EAJE', NULL, 'collectif',
		'Halte-garderie Les Hirondelles', '1 place du Marché', 18, '2002-01-07'
	UNION ALL SELECT 6, @p_villiers, 'EAJE-781-0006', 'EAJE', NULL, 'collectif',
		'Multi-accueil Pomme d''Api', '27 avenue Foch', 30, '2016-09-01'
	UNION ALL SELECT 7, @p_loups, 'EAJE-781-0007', 'EAJE', NULL, 'parental',
		'Crèche parentale Les P''tits Loups', '4 chemin des Vignes', 16, '2008-09-01'
	UNION ALL SELECT 8, @p_mauldre, 'ALSH-781-0001', 'ALSH', 'periscolaire', NULL,
		'Accueil périscolaire des Tilleuls', '8 avenue des Tilleuls', NULL, '2012-09-03'
	UNION ALL SELECT 9, @p_mauldre, 'ALSH-781-0002', 'ALSH', 'extrascolaire', NULL,
		'Accueil de loisirs Les Explorateurs', '40 route du Parc', NULL, '2015-07-06'
	UNION ALL SELECT 10, @p_etangs, 'RAM-781-0001', 'RAM', NULL, NULL,
		'Relais Petite Enfance Les Marins marrants', '2 rue des Étangs', NULL, '2011-01-03'
	UNION ALL SELECT 11, @p_causse, 'EAJE-121-0001', 'EAJE', NULL, 'collectif',
		'Multi-accueil Les Dorlotines', '3 rue du Foirail', 20, '2009-09-01'
	UNION ALL SELECT 12, @p_causse, 'ALSH-121-0001', 'ALSH', 'extrascolaire', NULL,
		'Accueil de loisirs de Lioujas', '1 place de l''Église', NULL, '2017-08-31'
) f
JOIN partner p ON p.id = f.partner_id
JOIN convention c ON c.partner_id = p.id
ORDER BY f.n;

SET @f_lucioles = (SELECT id FROM facility WHERE code = 'EAJE-781-0001');
SET @f_petitspas = (SELECT id FROM facility WHERE code = 'EAJE-781-0002');
SET @f_moufletterie = (SELECT id FROM facility WHERE code = 'EAJE-781-0003');
SET @f_coccinelles = (SELECT id FROM facility WHERE code = 'EAJE-781-0004');
SET @f_hirondelles = (SELECT id FROM facility WHERE code = 'EAJE-781-0005');
SET @f_pommedapi = (SELECT id FROM facility WHERE code = 'EAJE-781-0006');
SET @f_ptitsloups = (SELECT id FROM facility WHERE code = 'EAJE-781-0007');
SET @f_tilleuls = (SELECT id FROM facility WHERE code = 'ALSH-781-0001');
SET @f_explorateurs = (SELECT id FROM facility WHERE code = 'ALSH-781-0002');
SET @f_marins = (SELECT id FROM facility WHERE code = 'RAM-781-0001');
SET @f_dorlotines = (SELECT id FROM facility WHERE code = 'EAJE-121-0001');
SET @f_lioujas = (SELECT id FROM facility WHERE code = 'ALSH-121-0001');

-- Sites (lieux d'implantation) of the ALSH and the RAM.
INSERT INTO site (facility_id, name, address, postal_code, city, opened_on) VALUES
	(@f_tilleuls, 'École élémentaire Jean Moulin', '10 rue Jean Moulin', '78490', 'Vallée-de-Mauldre', '2012-09-03'),
	(@f_tilleuls, 'École maternelle Pasteur', '3 rue Pasteur', '78490', 'Vallée-de-Mauldre', '2012-09-03'),
	(@f_explorateurs, 'Centre de loisirs du Parc', '40 route du Parc', '78490', 'Vallée-de-Mauldre', '2015-07-06'),
	(@f_marins, 'Lieu d''accueil principal — Maison de la petite enfance', '2 rue des Étangs', '78320', 'Le Mesnil-aux-Étangs', '2011-01-03'),
	(@f_marins, 'Lieu d''activité — Salle des fêtes des Bréviaires', '1 rue de l''Église', '78610', 'Les Bréviaires', '2016-01-04'),
	(@f_lioujas, 'Salle polyvalente de Lioujas', '1 place de l''Église', '12340', 'Causse-Comtal', '2017-08-31');
SET @s_pasteur = (SELECT id FROM site WHERE name = 'École maternelle Pasteur');

-- What the Caf knows per fiscal year: general-scheme rate (x10^4), places,
-- the RAM's ETP validated by the Caf board (x100).
INSERT INTO facility_year (facility_id, fiscal_year, general_scheme_rate, places, validated_etp)
SELECT f.id, y.fiscal_year,
	CASE f.kind WHEN 'RAM' THEN NULL
		ELSE 9900 - 50 * (f.id % 5) - 20 * (y.fiscal_year - 2024) END,
	f.places,
	IF(f.kind = 'RAM', 150, NULL)
FROM facility f
CROSS JOIN (SELECT 2024 AS fiscal_year UNION ALL SELECT 2025 UNION ALL SELECT 2026) y
ORDER BY f.id, y.fiscal_year;

-- ---------------------------------------------------------------- groups
-- AFAS-DECLARER: everyone who declares; AFAS-HABILITER: who manages users.
INSERT INTO group_member (group_id, account_id, opened_on, closed_on, created_by)
SELECT g.id, a.id, a.opened_on, a.closed_on,
	IF(a.partner_id = @p_causse, @a_agent12, @a_admin78)
FROM account a JOIN account_group g ON g.code = 'AFAS-DECLARER'
WHERE a.kind = 'partner'
ORDER BY a.id;
INSERT INTO group_member (group_id, account_id, opened_on, closed_on, created_by)
SELECT g.id, a.id, a.opened_on, NULL, IF(a.id = @a_viguier, @a_agent12, @a_admin78)
FROM account a JOIN account_group g ON g.code = 'AFAS-HABILITER'
WHERE a.id IN (@a_garnier, @a_haddad, @a_lebrun, @a_brunet, @a_giraud, @a_viguier, @a_dumas)
ORDER BY a.id;

-- ---------------------------------------------------------------- admin grants
-- One partner administrator per partner, appointed by the Caf administrator.
INSERT INTO admin_grant (account_id, partner_id, kind, granted_by, opened_on, created_at)
SELECT id, partner_id, 'partner_admin', IF(id = @a_viguier, @a_agent12, @a_admin78),
	'2023-09-01', 1693558800
FROM account
WHERE id IN (@a_garnier, @a_haddad, @a_lebrun, @a_brunet, @a_giraud, @a_viguier)
ORDER BY id;
-- Mareil-les-Prés: the administrator made the director of Les Lucioles a
-- habilitation manager over her own facility only.
INSERT INTO admin_grant (account_id, partner_id, kind, granted_by, parent_grant_id, opened_on, created_at)
SELECT @a_dumas, @p_mareil, 'habilitation_manager', @a_garnier, g.id, '2025-07-01', 1751360400
FROM admin_grant g WHERE g.account_id = @a_garnier AND g.kind = 'partner_admin';
INSERT INTO admin_grant_facility (admin_grant_id, facility_id)
SELECT id, @f_lucioles FROM admin_grant WHERE account_id = @a_dumas AND kind = 'habilitation_manager';

-- ---------------------------------------------------------------- habilitations
-- created_by: the partner administrator. Approvers are validated by the
-- Caf's habilitation manager.
INSERT INTO habilitation (account_id, facility_id, site_id, role, starts_on, ends_on,
	validation, validated_by, validated_at, created_by, created_at, ended_by, ended_at) VALUES
	-- Example 1: one director per EAJE, one financial officer, the deputy mayor approves.
	(@a_morel, @f_lucioles, NULL, 'activity_provider', '2023-09-01', '2025-07-01',
		'not_required', NULL, NULL, @a_garnier, 1693558800, @a_garnier, 1750928400),
	(@a_dumas, @f_lucioles, NULL, 'activity_provider', '2025-07-01', NULL,
		'not_required', NULL, NULL, @a_garnier, 1751360400, NULL, NULL),
	(@a_leroy, @f_petitspas, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_garnier, 1693558800, NULL, NULL),
	(@a_fontaine, @f_moufletterie, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_garnier, 1693558800, NULL, NULL),
	(@a_garnier, @f_lucioles, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_garnier, 1693558800, NULL, NULL),
	(@a_garnier, @f_petitspas, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_garnier, 1693558800, NULL, NULL),
	(@a_garnier, @f_moufletterie, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_garnier, 1693558800, NULL, NULL),
	(@a_vasseur, @f_lucioles, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_garnier, 1693558800, NULL, NULL),
	(@a_vasseur, @f_petitspas, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_garnier, 1693558800, NULL, NULL),
	(@a_vasseur, @f_moufletterie, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_garnier, 1693558800, NULL, NULL),
	-- Example 2: one administrative agent enters everything, the service head approves.
	(@a_haddad, @f_coccinelles, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_haddad, 1693558800, NULL, NULL),
	(@a_haddad, @f_coccinelles, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_haddad, 1693558800, NULL, NULL),
	(@a_haddad, @f_hirondelles, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_haddad, 1693558800, NULL, NULL),
	(@a_haddad, @f_hirondelles, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_haddad, 1693558800, NULL, NULL),
	(@a_haddad, @f_pommedapi, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_haddad, 1693558800, NULL, NULL),
	(@a_haddad, @f_pommedapi, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_haddad, 1693558800, NULL, NULL),
	(@a_perrin, @f_coccinelles, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_haddad, 1693558800, NULL, NULL),
	(@a_perrin, @f_hirondelles, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_haddad, 1693558800, NULL, NULL),
	(@a_perrin, @f_pommedapi, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_haddad, 1693558800, NULL, NULL),
	-- Example 3: the president holds all three roles.
	(@a_lebrun, @f_ptitsloups, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_lebrun, 1693558800, NULL, NULL),
	(@a_lebrun, @f_ptitsloups, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_lebrun, 1693558800, NULL, NULL),
	(@a_lebrun, @f_ptitsloups, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_lebrun, 1693558800, NULL, NULL),
	-- ALSH: the director enters activity, the president the finances and
	-- approves; an animator consults one site.
	(@a_colin, @f_tilleuls, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_brunet, 1693558800, NULL, NULL),
	(@a_colin, @f_explorateurs, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_brunet, 1693558800, NULL, NULL),
	(@a_brunet, @f_tilleuls, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_brunet, 1693558800, NULL, NULL),
	(@a_brunet, @f_explorateurs, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_brunet, 1693558800, NULL, NULL),
	(@a_brunet, @f_tilleuls, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_brunet, 1693558800, NULL, NULL),
	(@a_brunet, @f_explorateurs, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_brunet, 1693558800, NULL, NULL),
	(@a_martin, @f_tilleuls, @s_pasteur, 'consultant', '2024-09-01', NULL,
		'not_required', NULL, NULL, @a_brunet, 1725181200, NULL, NULL),
	-- RAM (seed 003): the general director holds the three roles, the RAM's
	-- animator enters activity too.
	(@a_giraud, @f_marins, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_giraud, 1693558800, NULL, NULL),
	(@a_roussel, @f_marins, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_giraud, 1693558800, NULL, NULL),
	(@a_giraud, @f_marins, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_giraud, 1693558800, NULL, NULL),
	(@a_giraud, @f_marins, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_habm78, 1693922400, @a_giraud, 1693558800, NULL, NULL),
	-- Aveyron: one person holds every role on both facilities.
	(@a_viguier, @f_dorlotines, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_viguier, 1693558800, NULL, NULL),
	(@a_viguier, @f_dorlotines, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_viguier, 1693558800, NULL, NULL),
	(@a_viguier, @f_dorlotines, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_agent12, 1693922400, @a_viguier, 1693558800, NULL, NULL),
	(@a_viguier, @f_lioujas, NULL, 'activity_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_viguier, 1693558800, NULL, NULL),
	(@a_viguier, @f_lioujas, NULL, 'financial_provider', '2023-09-01', NULL,
		'not_required', NULL, NULL, @a_viguier, 1693558800, NULL, NULL),
	(@a_viguier, @f_lioujas, NULL, 'approver', '2023-09-01', NULL,
		'validated', @a_agent12, 1693922400, @a_viguier, 1693558800, NULL, NULL);

-- ---------------------------------------------------------------- campaigns
-- Per Caf and facility kind: actual 2024, actual 2025, forecast 2026.
INSERT INTO campaign (caf_id, fiscal_year, type, facility_kind, due_on, opened_by, created_at)
SELECT k.caf_id, c.fiscal_year, c.type, k.kind, c.due_on,
	IF(k.caf_id = @caf78, @a_instr78, @a_agent12), c.created_at
FROM (SELECT DISTINCT caf_id, kind FROM facility) k
CROSS JOIN (
	SELECT 2024 AS fiscal_year, 'actual' AS type, '2025-04-30' AS due_on, 1738400400 AS created_at
	UNION ALL SELECT 2025, 'actual', '2026-04-30', 1769936400
	UNION ALL SELECT 2026, 'forecast', '2025-12-31', 1759309200
) c
ORDER BY c.created_at, k.caf_id, k.kind;

-- ---------------------------------------------------------------- declarations
-- For every facility: actual 2024 and 2025 validated by the Caf, forecast
-- 2026 transmitted (still awaiting instruction for Mareil-les-Prés and the
-- Aveyron, so instructors have work) or validated. Each went through the
-- whole rail: both sections ended and every control step passed.
-- transmitted_digest stays NULL: it is the digest of the values, which the
-- declarations module's demo data supplies.
INSERT INTO declaration (facility_id, fiscal_year, type, version, campaign_id, state, row_version,
	activity_done, activity_done_by, activity_done_at,
	financial_done, financial_done_by, financial_done_at,
	activity_controlled, financial_controlled, global_controlled,
	created_at, updated_at, updated_by, transmitted_at, transmitted_by,
	validated_at, validated_by)
SELECT f.id, c.fiscal_year, c.type, 1, c.id,
	IF(c.type = 'forecast' AND f.code IN ('EAJE-781-0001', 'EAJE-781-0002', 'EAJE-781-0003', 'EAJE-121-0001'),
		'transmitted', 'validated'),
	3,
	1, (SELECT h.account_id FROM habilitation h WHERE h.facility_id = f.id
		AND h.role = 'activity_provider' AND h.starts_on <= t.transmitted_on
		AND (h.ends_on IS NULL OR h.ends_on > t.transmitted_on)
		ORDER BY h.starts_on, h.id LIMIT 1), t.transmitted_at - 86400,
	1, (SELECT h.account_id FROM habilitation h WHERE h.facility_id = f.id
		AND h.role = 'financial_provider' AND h.starts_on <= t.transmitted_on
		AND (h.ends_on IS NULL OR h.ends_on > t.transmitted_on)
		ORDER BY h.starts_on, h.id LIMIT 1), t.transmitted_at - 43200,
	1, 1, 1,
	c.created_at, t.transmitted_at, ap.account_id, t.transmitted_at, ap.account_id,
	IF(c.type = 'forecast' AND f.code IN ('EAJE-781-0001', 'EAJE-781-0002', 'EAJE-781-0003', 'EAJE-121-0001'),
		NULL, t.validated_at),
	IF(c.type = 'forecast' AND f.code IN ('EAJE-781-0001', 'EAJE-781-0002', 'EAJE-781-0003', 'EAJE-121-0001'),
		NULL, IF(f.caf_id = @caf78, @a_instr78, @a_agent12))
FROM facility f
JOIN campaign c ON c.caf_id = f.caf_id AND c.facility_kind = f.kind
JOIN (
	SELECT 2024 AS fiscal_year, DATE '2025-04-10' AS transmitted_on, 1744297200 AS transmitted_at,
		1747738800 AS validated_at
	UNION ALL SELECT 2025, DATE '2026-04-10', 1775833200, 1779274800
	UNION ALL SELECT 2026, DATE '2025-12-15', 1765814400, 1768903200
) t ON t.fiscal_year = c.fiscal_year
JOIN habilitation ap ON ap.facility_id = f.id AND ap.role = 'approver' AND ap.validation = 'validated'
ORDER BY f.id, c.fiscal_year, c.type;
