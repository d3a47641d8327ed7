# Konferenzen nach der Einladung: Sitzungsleitung und Protokoll, Anhänge,
# Vorschläge der Mitglieder, Anwesenheit, Protokoll mit Beschlüssen.

conf-state-minutes_approved = Protokoll genehmigt
min-field-chair_person_id = Sitzungsleitung
min-field-minute_taker_person_id = Protokoll
min-person-none = – niemand festgelegt –
min-err-not-member-person = Bitte wählen Sie eine Kontaktperson einer Mitgliedsorganisation.

min-file-size = { $kb } KB
min-file-internal = intern
min-file-delete = Entfernen
min-upload-heading = Datei anhängen
min-upload-hint = Erlaubt sind PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS und TXT bis { $max } MB.
min-upload-item = Tagesordnungspunkt
min-upload-file = Datei
min-upload-public = Öffentlich (bei öffentlichem Punkt einer öffentlichen Konferenz)
min-upload = Hochladen
min-err-file-too-large = Die Datei ist zu groß. Erlaubt sind höchstens { $max } MB; es wurde nichts gespeichert.
min-err-file-type = Dieser Dateityp ist nicht erlaubt (oder der Inhalt passt nicht zur Dateiendung). Erlaubt sind { $allowed }; es wurde nichts gespeichert.
min-err-file-missing = Bitte wählen Sie eine Datei aus.
notice-min-attachment-added = Die Datei wurde angehängt.
notice-min-attachment-deleted = Die Datei wurde entfernt.

min-proposals-heading = Vorschläge für die Tagesordnung
min-proposals-none = Es liegen keine Vorschläge vor.
min-propose-heading = Punkt vorschlagen
min-propose = Vorschlagen
min-proposal-state-open = offen
min-proposal-state-accepted = angenommen
min-proposal-state-declined = abgelehnt
min-proposal-accept = Annehmen
min-proposal-decline = Ablehnen
min-proposal-note = Begründung der Ablehnung
min-err-proposal-state = Für eine abgehaltene oder abgesagte Konferenz können keine Punkte mehr vorgeschlagen werden.
min-err-proposal-decided = Über diesen Vorschlag wurde bereits entschieden.
min-err-decline-note = Bitte begründen Sie die Ablehnung.
min-err-decision = Bitte wählen Sie „Annehmen“ oder „Ablehnen“.
notice-min-proposal-added = Ihr Vorschlag wurde eingereicht.
notice-min-proposal-accepted = Der Vorschlag wurde in die Tagesordnung übernommen.
notice-min-proposal-declined = Der Vorschlag wurde abgelehnt.

min-mark-held = Als abgehalten markieren
min-attendance-link = Anwesenheit
min-attendance-title = Anwesenheit: { $title }
min-attendance-needs-held = Die Anwesenheit wird erfasst, sobald die Konferenz als abgehalten markiert ist.
min-attendance-prefilled = Vorausgewählt sind die angemeldeten Personen.
min-attendance-count = { $count ->
    [one] Eine Person war anwesend.
   *[other] { $count } Personen waren anwesend.
}
min-attendance-nobody = Die Mitgliedsorganisationen haben keine Kontaktpersonen.
min-attendance-save = Anwesenheit speichern
min-err-held-state = Nur eine geplante oder eingeladene Konferenz kann als abgehalten markiert werden.
min-err-held-too-early = Die Konferenz hat noch nicht begonnen und kann noch nicht als abgehalten markiert werden.
min-err-not-held = Das ist erst möglich, wenn die Konferenz als abgehalten markiert ist.
notice-min-held = Die Konferenz ist als abgehalten markiert.
notice-min-attendance-saved = Die Anwesenheit wurde gespeichert.

min-minutes-link = Protokoll
min-title = Protokoll: { $title }
min-state-label = Stand des Protokolls
min-state-none = noch nicht begonnen
min-state-draft = Entwurf
min-state-circulated = zur Kommentierung versandt
min-state-approved = genehmigt
min-in-preparation = Das Protokoll ist in Vorbereitung.
min-internal = intern
min-decisions = Beschlüsse
min-votes = Ja { $yes }, Nein { $no }, Enthaltung { $abstain }
min-votes-hint = Abstimmungsergebnis: alle drei Zahlen oder keine.
min-notes = Notizen zu Punkt { $number }
min-notes-hint = Markdown ist möglich, z. B. **fett** oder Listen mit „-“.
min-notes-save = Notizen speichern
min-field-text = Beschluss
min-field-votes_yes = Ja-Stimmen
min-field-votes_no = Nein-Stimmen
min-field-votes_abstain = Enthaltungen
min-decision-add = Beschluss hinzufügen
min-decision-delete = Beschluss entfernen
min-err-votes-partial = Bitte geben Sie alle drei Stimmenzahlen an oder keine.
min-err-votes-number = Bitte geben Sie eine Zahl ab 0 an.
min-err-approved = Das Protokoll ist genehmigt und kann nicht mehr geändert werden.
min-err-circulate-state = Nur ein Protokollentwurf kann versandt werden.
min-err-approve-state = Nur ein versandtes Protokoll kann genehmigt werden.
min-err-comment-state = Kommentare sind nur möglich, solange der Protokollentwurf zur Kommentierung versandt ist.
min-circulate = Entwurf zur Kommentierung versenden
min-approve = Protokoll genehmigen
min-comments = Kommentare
min-comment = Ihr Kommentar
min-comment-add = Kommentar senden
min-visibility-heading = Sichtbarkeit genehmigter Protokolle
min-visibility-public = Genehmigte Protokolle öffentlicher Konferenzen sind öffentlich (nur öffentliche Punkte).
min-mail-circulate-subject = Protokollentwurf zur Kommentierung: { $title }
min-mail-circulate-body =
    Guten Tag { $name },

    der Protokollentwurf der Konferenz „{ $title }“ von { $network } liegt zur Kommentierung vor:
    { $link }

    Bitte melden Sie sich an, um ihn zu lesen und zu kommentieren.
notice-min-notes-saved = Die Notizen wurden gespeichert.
notice-min-decision-added = Der Beschluss wurde hinzugefügt.
notice-min-decision-deleted = Der Beschluss wurde entfernt.
notice-min-circulated = Der Protokollentwurf wurde versandt.
notice-min-approved = Das Protokoll ist genehmigt.
notice-min-comment-added = Ihr Kommentar wurde gespeichert.
notice-min-visibility-saved = Die Sichtbarkeit wurde gespeichert.
