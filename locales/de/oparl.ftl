# OParl: the open read-only interface and the consent of contact people.

oparl-err-parameter = Der Parameter „{ $name }“ ist ungültig. Zeiten brauchen das Format nach ISO 8601 mit Zeitzone (z. B. 2026-01-15T13:00:00+01:00), Zahlen müssen mindestens 1 sein.
oparl-person-public = Name, Funktion und Kontaktdaten öffentlich zeigen
oparl-person-public-hint = Nur mit Einwilligung der Person: Sie erscheint dann in der offenen OParl-Schnittstelle, die jede und jeder abrufen kann.
