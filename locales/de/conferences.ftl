# Konferenzen: Turnus, Fälligkeit, Sitzungen, Terminumfrage.

conf-title = Konferenzen
conf-next-heading = Nächste Konferenz
conf-due-now = Eine Konferenz ist jetzt fällig (es wurde noch keine abgehalten).
conf-due-by = Die nächste Konferenz ist fällig bis { $date }.
conf-rhythm-note = (Turnus: alle { $months } Monate)
conf-next-organizer = Ausrichtung: { $name }
conf-no-rotation = Für die Ausrichtung ist noch keine Reihenfolge festgelegt.
conf-meeting-new = Konferenz anlegen
conf-meeting-edit = Konferenz bearbeiten
conf-default-title = Integrationskonferenz
conf-settings = Turnus und Ausrichtung
conf-upcoming = Anstehende Konferenzen
conf-past = Vergangene Konferenzen
conf-none-upcoming = Es ist keine Konferenz geplant.
conf-none-past = Es wurde noch keine Konferenz abgehalten.
conf-no-date = Termin noch offen
conf-state-planned = geplant
conf-state-invited = eingeladen
conf-state-held = abgehalten
conf-state-cancelled = abgesagt
conf-yes = ja
conf-no = nein

conf-field-title = Titel
conf-field-date = Termin
conf-field-starts-at = Beginn
conf-field-ends-at = Ende
conf-date-hint = Deutsche Ortszeit. Leer lassen, wenn der Termin per Umfrage gefunden werden soll.
conf-field-location = Ort
conf-field-online-url = Online-Zugang (Adresse)
conf-field-organizer = Ausrichtende Organisation
conf-organizer-none = – keine –
conf-field-state = Stand
conf-field-public = Öffentlich im Kalender anzeigen
conf-field-rhythm = Turnus in Monaten
conf-rhythm-hint = Ganze Zahl von { $min } bis { $max }; üblich ist ein halbes Jahr (6).
conf-field-default-location = Üblicher Ort
conf-field-organization = Organisation

conf-series-heading = Turnus
conf-rotation-heading = Reihenfolge der Ausrichtung
conf-rotation-hint = Die Ausrichtung wechselt in dieser Reihenfolge, z. B. zwischen Landratsamt und Wohlfahrtsverbänden. Nach der letzten Organisation beginnt die Liste von vorn.
conf-rotation-empty = Noch keine Organisation in der Reihenfolge.
conf-rotation-add = Organisation hinzufügen
conf-add = Hinzufügen
conf-move-up = Nach oben
conf-move-down = Nach unten
conf-remove = Entfernen

conf-poll-heading = Terminumfrage
conf-poll-empty = Es gibt noch keine Terminvorschläge.
conf-poll-matrix = Antworten je Person und Terminvorschlag
conf-poll-person = Person
conf-poll-totals = Summe
conf-poll-count = ja { $yes } · wenn nötig { $maybe } · nein { $no }
conf-poll-no-answers = Noch hat niemand geantwortet.
conf-choose = Diesen Termin wählen
conf-option-add = Terminvorschlag hinzufügen
conf-poll-send-heading = Umfrage versenden
conf-poll-send-hint = Jede Kontaktperson mit E-Mail-Adresse ({ $count }) erhält einen persönlichen Link.
conf-poll-send = Umfrage per E-Mail versenden
conf-answer-yes = Ja
conf-answer-maybe = Wenn nötig
conf-answer-no = Nein
conf-poll-page-title = Terminumfrage: { $title }
conf-poll-greeting = Guten Tag { $name }, bitte geben Sie für { $network } an, welche Termine Ihnen passen.
conf-poll-save = Antworten speichern
conf-poll-closed-note = Die Umfrage ist abgeschlossen.
conf-poll-chosen = Gewählter Termin: { $date }

conf-err-rhythm = Bitte eine ganze Zahl von { $min } bis { $max } eingeben.
conf-err-not-member = Bitte eine Organisation des Netzwerks wählen.
conf-err-not-in-rotation = Diese Organisation steht nicht in der Reihenfolge.
conf-err-datetime = Bitte Datum und Uhrzeit angeben (z. B. 14.03.2027, 14:00).
conf-err-end-before-start = Das Ende muss nach dem Beginn liegen.
conf-err-in-past = Der Beginn liegt in der Vergangenheit.
conf-err-overlap = Dieser Vorschlag überschneidet sich mit einem anderen Terminvorschlag.
conf-err-poll-closed = Die Terminumfrage ist abgeschlossen.
conf-err-no-options = Bitte zuerst mindestens einen Terminvorschlag anlegen.
conf-err-option-unknown = Bitte einen Terminvorschlag dieser Konferenz wählen.
conf-err-answer = Bitte „Ja“, „Wenn nötig“ oder „Nein“ wählen.
conf-err-link-invalid = Dieser persönliche Link ist ungültig oder abgelaufen. Bitte wenden Sie sich an die Koordination des Netzwerks.

conf-mail-poll-subject = Terminumfrage: { $title }
conf-mail-poll-body =
    Guten Tag { $name },

    für die nächste Sitzung „{ $title }“ von { $network } suchen wir einen Termin.
    Bitte geben Sie über Ihren persönlichen Link an, welche Termine Ihnen passen:

    { $link }

    Der Link ist { $days } Tage gültig und nur für Sie bestimmt.

notice-conf-settings-saved = Die Einstellungen wurden gespeichert.
notice-conf-meeting-created = Die Konferenz wurde angelegt.
notice-conf-meeting-saved = Die Konferenz wurde gespeichert.
notice-conf-option-added = Der Terminvorschlag wurde hinzugefügt.
notice-conf-poll-sent = Die Terminumfrage wurde versendet.
notice-conf-date-chosen = Der Termin wurde festgelegt.
notice-conf-answers-saved = Vielen Dank, Ihre Antworten wurden gespeichert.

conf-invitation-heading = Einladung
conf-invite-needs-date = Für die Einladung muss zuerst ein Termin feststehen.
conf-invite = Einladung per E-Mail versenden
conf-update-invitation = Geänderte Einladung versenden
conf-cancel = Konferenz absagen
conf-cancelled-note = Diese Konferenz wurde abgesagt.
conf-feed = Kalender abonnieren (iCalendar)
conf-rsvp-summary = Angemeldet: { $yes } · Abgesagt: { $no }
conf-rsvp-list = Anmeldungen und Absagen
conf-rsvp-response = Antwort
conf-rsvp-page-title = Anmeldung: { $title }
conf-rsvp-greeting = Guten Tag { $name }, { $network } lädt Sie zu dieser Konferenz ein.
conf-rsvp-question = Nehmen Sie teil?
conf-rsvp-yes = Ich nehme teil
conf-rsvp-no = Ich kann nicht teilnehmen
conf-rsvp-save = Antwort senden
conf-rsvp-current-yes = Sie sind angemeldet.
conf-rsvp-current-no = Sie haben abgesagt.
conf-rsvp-cancelled = Die Konferenz wurde abgesagt.
conf-rsvp-closed = Anmeldungen sind nicht mehr möglich.
conf-err-no-date = Bitte zuerst einen Termin festlegen.
conf-err-state = In diesem Stand der Konferenz ist das nicht möglich.
conf-err-rsvp = Bitte „Ich nehme teil“ oder „Ich kann nicht teilnehmen“ wählen.
conf-ics-description = Konferenz von { $network }
conf-mail-invite-subject = Einladung: { $title }
conf-mail-update-subject = Geänderte Einladung: { $title }
conf-mail-invite-body =
    Guten Tag { $name },

    { $network } lädt Sie herzlich ein zu „{ $title }“.

    Beginn: { $start }
    Ende: { $end }
    Ort: { $place }

    Bitte melden Sie sich über Ihren persönlichen Link an oder ab:

    { $link }

    Die Einladung liegt als Kalendereintrag (einladung.ics) bei.
conf-mail-cancel-subject = Abgesagt: { $title }
conf-mail-cancel-body =
    Guten Tag { $name },

    die Konferenz „{ $title }“ von { $network } am { $start } ist abgesagt.
    Der beiliegende Kalendereintrag entfernt den Termin aus Ihrem Kalender.
notice-conf-invited = Die Einladungen wurden versendet.
notice-conf-invitation-updated = Die geänderte Einladung wurde versendet.
notice-conf-cancelled = Die Konferenz wurde abgesagt.
notice-conf-registered = Vielen Dank, Sie sind angemeldet.
notice-conf-declined = Vielen Dank, Ihre Absage ist eingetragen.

conf-agenda-link = Tagesordnung
conf-agenda-title = Tagesordnung: { $title }
conf-agenda-heading = Tagesordnungspunkte
conf-agenda-empty = Noch keine Tagesordnungspunkte.
conf-agenda-number = Nr.
conf-agenda-proposer = Eingebracht von
conf-agenda-duration = Geplante Dauer (Minuten)
conf-agenda-duration-hint = Ganze Minuten von 1 bis 480.
conf-agenda-description = Beschreibung
conf-agenda-minutes = { $count } Min.
conf-agenda-total = Gesamtdauer
conf-agenda-actions = Aktionen
conf-agenda-up = Nach oben
conf-agenda-down = Nach unten
conf-agenda-delete = Löschen
conf-agenda-add = Tagesordnungspunkt hinzufügen
notice-conf-agenda-added = Der Tagesordnungspunkt wurde hinzugefügt.
notice-conf-agenda-moved = Die Reihenfolge wurde geändert.
notice-conf-agenda-deleted = Der Tagesordnungspunkt wurde gelöscht.
conf-agenda-edit = Bearbeiten
conf-agenda-edit-heading = Tagesordnungspunkt bearbeiten
notice-conf-agenda-saved = Der Tagesordnungspunkt wurde gespeichert.
