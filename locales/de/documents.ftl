# PDF documents (Wegweiser, meeting documents) and the CSV export
wegweiser-heading = Wegweiser zum Ausdrucken
wegweiser-hint = Alle veröffentlichten Angebote des Netzwerks als PDF, nach Handlungsfeldern geordnet, mit Öffnungszeiten und QR-Code zum Online-Eintrag.
wegweiser-pdf = PDF
doc-heading = Dokumente
doc-invitation = Einladung mit Tagesordnung
doc-attendance = Anwesenheitsliste
doc-minutes = Protokoll
export-err-dialect = Unbekanntes CSV-Format. Erlaubt sind „german“ und „plain“.
