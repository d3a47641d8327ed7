# Accounts: sign-in, setup, password reset, API tokens, users, audit log.
acc-login-title = Anmelden
acc-login-failed = E-Mail-Adresse oder Passwort ist falsch.
acc-email = E-Mail-Adresse
acc-password = Passwort
acc-name = Name
acc-role = Rolle
acc-scope = Zuständigkeit
acc-network = Netzwerk
acc-network-hint = Für Koordination und Mitglieder.
acc-organization = Organisation
acc-organization-hint = Nur für Mitglieder: die Organisation, deren Daten sie pflegen.
acc-region = Region
acc-region-hint = Nur für die Aufsicht: Land oder Regierungsbezirk.
acc-forgot-link = Passwort vergessen?
acc-forgot-title = Passwort zurücksetzen
acc-forgot-lead = Geben Sie Ihre E-Mail-Adresse an. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.
acc-forgot-submit = Link senden
acc-forgot-sent = Wenn zu dieser Adresse ein Konto besteht, ist ein Link unterwegs. Er ist eine Stunde gültig.
acc-reset-title = Neues Passwort festlegen
acc-new-password = Neues Passwort
acc-password-confirm = Neues Passwort wiederholen
acc-current-password = Bisheriges Passwort
acc-password-hint = Mindestens 10 Zeichen.
acc-change-password = Passwort ändern
acc-setup-title = ikon einrichten
acc-setup-lead = Legen Sie das Konto der Administration an. Dieser Link funktioniert nur einmal.
acc-setup-submit = Administration anlegen
acc-account-title = Mein Konto
acc-tokens-title = API-Tokens
acc-tokens-lead = Mit einem persönlichen Token greifen andere Programme in Ihrem Namen auf die JSON-API zu (Kopfzeile „Authorization: Bearer …“).
acc-token-name = Bezeichnung
acc-token-name-hint = Wofür das Token verwendet wird, z. B. „Kreis-Website“.
acc-token-create = Token erzeugen
acc-token-created = Ihr neues Token – es wird nur dieses eine Mal angezeigt:
acc-token-created-at = Erzeugt
acc-token-last-used = Zuletzt benutzt
acc-token-revoke = Widerrufen
acc-users-title = Benutzerkonten
acc-user-invite = Person einladen
acc-user-invite-lead = Die Person erhält eine E-Mail mit einem Link, über den sie ihr Passwort selbst festlegt (eine Woche gültig).
acc-user-edit = Rolle ändern
acc-audit-title = Änderungsprotokoll
acc-audit-caption = Neueste Änderungen zuerst
acc-audit-when = Wann
acc-audit-who = Wer
acc-audit-what = Was
acc-audit-before = Vorher
acc-audit-after = Nachher
acc-audit-pages = Seiten
acc-audit-newer = Neuere
acc-audit-older = Ältere
acc-audit-empty = Noch keine Änderungen.
acc-err-role = Bitte eine gültige Rolle wählen.
acc-err-unknown = Diesen Eintrag gibt es nicht.
acc-err-region = Bitte ein Land oder einen Regierungsbezirk wählen.
acc-err-not-member = Die Organisation gehört nicht zu diesem Netzwerk.
acc-err-password-short = Das Passwort braucht mindestens { $min } Zeichen.
acc-err-password-mismatch = Die beiden Passwörter stimmen nicht überein.
acc-err-current-password = Das bisherige Passwort ist falsch.
acc-err-token = Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt.
acc-err-self-demote = Sie können sich nicht selbst die Administration entziehen.

role-admin = Administration
role-supervisor = Aufsicht
role-coordinator = Koordination
role-member = Mitglied

notice-signed-out = Sie sind abgemeldet.
notice-password-changed = Ihr Passwort wurde geändert. Bitte melden Sie sich neu an.
notice-setup-done = ikon ist eingerichtet. Willkommen!
notice-token-revoked = Das Token wurde widerrufen.
notice-user-invited = Die Einladung wurde verschickt.
notice-user-saved = Die Rolle wurde gespeichert.

mail-reset-subject = ikon: Passwort festlegen
mail-reset-body =
    Guten Tag,

    über den folgenden Link legen Sie Ihr Passwort für ikon fest:

    { $link }

    Der Link ist { $hours } Stunde(n) gültig und funktioniert nur einmal.
    Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.
acc-person = Kontaktperson
acc-person-hint = Die Kontaktperson, als die dieses Konto handelt: als Protokollführung oder verantwortlich für eine Aufgabe. Ohne Auswahl keine.
acc-err-person = Diese Kontaktperson gibt es nicht.
acc-err-person-taken = Diese Kontaktperson ist schon mit einem anderen Konto verbunden.
acc-err-person-organization = Ein Mitglied kann nur mit einer Kontaktperson seiner Organisation verbunden werden.
