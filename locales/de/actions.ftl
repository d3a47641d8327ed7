# Aufgaben aus Konferenzen, Aufgabenübersicht, Erinnerungen, Übersicht der Aufsicht, Kalender-Abo.

act-meeting-title = Aufgaben aus: { $title }
act-meeting-link = Aufgaben
act-board-link = Alle offenen Aufgaben des Netzwerks
act-board-title = Aufgaben
act-no-agenda = Diese Konferenz hat noch keine Tagesordnung. Aufgaben werden zu einem Tagesordnungspunkt erfasst.
act-none-for-item = Keine Aufgaben zu diesem Punkt.
act-due = Fällig
act-status-open = offen
act-status-in_progress = in Arbeit
act-status-done = erledigt
act-status-dropped = verworfen
act-status-open-all = offen und in Arbeit
act-decision = Beschluss
act-edit = Bearbeiten
act-edit-heading = Aufgabe bearbeiten
act-add-heading = Aufgabe erfassen
act-add = Aufgabe anlegen
act-none = – keine Angabe –
act-all = alle
act-field-agenda-item = Tagesordnungspunkt
act-field-decision = Zugehöriger Beschluss
act-field-decision-hint = Nur Beschlüsse des gewählten Tagesordnungspunkts passen.
act-field-title = Was ist zu tun?
act-field-organization = Verantwortliche Organisation
act-field-person = Verantwortliche Person
act-field-responsible-hint = Eine Organisation oder eine Person (oder beides) angeben.
act-field-due = Fällig am
act-field-due-hint = Format JJJJ-MM-TT, darf leer bleiben.
act-field-status = Status
act-field-meeting = Konferenz
act-event = Veranstaltung
act-filter = Filtern
act-board-count = { $count ->
    [one] Eine Aufgabe
   *[other] { $count } Aufgaben
}, davon { $overdue } überfällig.
act-board-empty = Keine Aufgaben für diese Auswahl.
act-responsible = Verantwortlich
act-progress = Fortschritt
act-progress-field = Fortschritt in Prozent
act-progress-hint = Eine ganze Zahl von 0 bis 100.
act-origin = Herkunft
act-agenda-item = TOP
act-overdue = überfällig
act-overdue-since = Die Aufgabe war fällig am { $date }.
act-update-heading = Stand melden
act-comment = Kommentar
act-update-save = Stand speichern
act-history = Verlauf
act-history-empty = Noch keine Meldungen.
act-someone = unbekannt

act-err-choice = Bitte einen Eintrag aus der Liste wählen.
act-err-agenda-item = Bitte einen Tagesordnungspunkt dieser Konferenz wählen.
act-err-responsible = Bitte eine verantwortliche Organisation oder Person angeben.
act-err-person-org = Die Person gehört nicht zur gewählten Organisation.
act-err-date = Bitte ein Datum im Format JJJJ-MM-TT angeben.
act-err-datetime = Bitte Datum und Uhrzeit im Format JJJJ-MM-TTTHH:MM angeben.
act-err-end-before-start = Das Ende muss nach dem Beginn liegen.
act-err-status = Bitte einen Status wählen: offen, in Arbeit, erledigt oder verworfen.
act-err-progress = Der Fortschritt muss eine ganze Zahl von 0 bis 100 sein.
act-err-not-recorder = Aufgaben erfassen nur die Koordination des Netzwerks und die protokollführende Person dieser Konferenz.
act-err-not-responsible = Den Stand dieser Aufgabe melden nur die verantwortliche Person (bzw. ihre Organisation) und die Koordination des Netzwerks. Es wurde nichts geändert.
act-err-report-state = Der Bericht kann nur in die Tagesordnung einer noch nicht abgehaltenen Konferenz übernommen werden.

notice-act-created = Die Aufgabe wurde angelegt.
notice-act-saved = Die Aufgabe wurde gespeichert.
notice-act-progress-saved = Der Stand wurde gespeichert.
notice-act-report-added = Der Bericht zu offenen Aufgaben wurde in die Tagesordnung aufgenommen.

act-report-title = Bericht zu offenen Aufgaben
act-report-button = Bericht zu offenen Aufgaben aufnehmen
act-report-hint = Fügt einen Tagesordnungspunkt mit allen offenen Aufgaben des Netzwerks (Verantwortliche, Fälligkeit, Fortschritt) hinzu.
act-report-none = Es gibt keine offenen Aufgaben.
act-report-line = { $title } – verantwortlich: { $responsible }, fällig: { $due }, Fortschritt: { $progress } %

act-mail-due-subject = Erinnerung: Aufgabe „{ $title }“ ist am { $due } fällig
act-mail-due-body = Guten Tag,

    die folgende Aufgabe { $origin ->
        [event] zur Vorbereitung der Veranstaltung
       *[meeting] aus der Konferenz
    } „{ $meeting }“ ist am { $due } fällig:

    { $title }
    Aktueller Fortschritt: { $progress } %

    Den Stand können Sie hier melden: { $link }
act-mail-overdue-subject = Überfällig: Aufgabe „{ $title }“ (fällig am { $due })
act-mail-overdue-body = Guten Tag,

    die folgende Aufgabe { $origin ->
        [event] zur Vorbereitung der Veranstaltung
       *[meeting] aus der Konferenz
    } „{ $meeting }“ war am { $due } fällig und ist noch nicht erledigt:

    { $title }
    Aktueller Fortschritt: { $progress } %

    Bitte melden Sie den Stand hier: { $link }
act-mail-meeting-subject = Erinnerung: { $title } am { $start }
act-mail-meeting-body = Guten Tag { $name },

    wir erinnern an die Konferenz „{ $title }“ des Netzwerks { $network }.

    Beginn: { $start }
    Ort: { $place }

    Tagesordnung: { $link }

act-overview-title = Übersicht der Netzwerke
act-overview-lead = Für jedes Netzwerk in Ihrem Zuständigkeitsbereich: letzte und nächste Konferenz, ob der Turnus eingehalten wird, offene und überfällige Aufgaben.
act-overview-network = Netzwerk
act-overview-last = Letzte Konferenz
act-overview-next = Nächste Konferenz
act-overview-rhythm = Turnus
act-overview-open = Offene Aufgaben
act-overview-overdue = Davon überfällig
act-overview-empty = Sie haben keinen Zugriff auf Netzwerke.
act-rhythm-holds = eingehalten
act-rhythm-broken = nicht eingehalten
act-rhythm-none_held = noch keine Konferenz abgehalten
act-rhythm-last_too_long_ago = letzte Konferenz liegt zu lange zurück
act-rhythm-next_not_planned = nächste Konferenz nicht rechtzeitig geplant
act-nav-overview = Übersicht

act-calendar-heading = Kalender-Abo
act-calendar-lead = Eine persönliche Adresse, unter der Ihr Kalenderprogramm alle Konferenzen Ihrer Netzwerke abonnieren kann (auch nicht öffentliche). Eine neue Adresse ersetzt die bisherige.
act-calendar-create = Abo-Adresse erzeugen
act-calendar-title = Ihr Kalender-Abo
act-calendar-created = Die Adresse wird nur dieses eine Mal angezeigt. Eine frühere Adresse funktioniert nicht mehr.
act-calendar-how = Fügen Sie die Adresse in Ihrem Kalenderprogramm als Kalender-Abonnement (Internetkalender) hinzu. Geben Sie sie nicht weiter.
act-calendar-back = Zurück zum Konto
act-calendar-name = ikon – meine Konferenzen
