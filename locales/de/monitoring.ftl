mon-err-paging = Seite ab 1, höchstens { $max } Einträge je Seite.
mon-err-period = Ungültiger Zeitraum. Erlaubt sind ein Jahr (2016) oder ein Stichtag (2015-12-31 oder 31.12.2015).
mon-err-unknown-indicator = Unbekannter Indikator. Gültige Codes: { $codes }
mon-err-unknown-region = Unbekannte Region { $key }. Regionalschlüssel sind DG (Deutschland) oder ein AGS mit 2, 3, 5 oder 8 Ziffern, z. B. 09575.
mon-situation = Situationsanalyse
mon-situation-lead = Amtliche Zahlen zur Lage der Migrantinnen und Migranten im Kreis, jede mit Quelle, Stichtag, Lizenz und Definition. Unter jedem Diagramm stehen seine Zahlen als Tabelle.
mon-contents = Inhalt
mon-comparison = Ausländeranteil im Vergleich
mon-comparison-lead = Der Kreis neben Regierungsbezirk, Land und Deutschland, je Quelle der jüngste Wert. Die Quellen zählen unterschiedlich und werden nicht vermischt.
mon-region = Region
mon-definition = Definition
mon-source = Quelle
mon-reference-date = Stichtag
mon-licence = Lizenz
mon-table-follows = die Zahlen stehen in der folgenden Tabelle.
mon-period = Zeitraum
mon-category = Kategorie
mon-value = Wert
mon-numerator = Zähler
mon-denominator = Nenner
mon-mark = Zeichen
mon-no-data = Für diesen Kreis liegen noch keine Zahlen vor. Tabellen der statistischen Ämter lassen sich mit „ikon statistics import“ einlesen.
mon-marks = Zeichenerklärung
mon-marks-legend = „-“ nichts vorhanden (genau null) · „0“ weniger als die Hälfte der kleinsten dargestellten Einheit · „.“ unbekannt oder geheim zu halten · „...“ noch nicht verfügbar · „/“ keine Angabe, da nicht sicher genug · „x“ Tabellenfach gesperrt · „()“ Aussagewert eingeschränkt · p vorläufig, r berichtigt, s geschätzt (Amt), e geschätzt · „derived“ von ikon aus einem veröffentlichten Anteil berechnete Zahl.
mon-err-group = Unbekannte Gruppe. Möglich ist: foreigners.
mon-err-units = Unbekannte Einheiten. Möglich sind: municipalities (Gemeinden, Zensus 2022) oder grid (1-km-Gitterzellen, Zensus 2011: Mittelfranken 095 und seine Kreise und Gemeinden).
mon-err-no-units = Für diese Region, Einheiten und diesen Zeitraum liegen keine Zahlen vor.

mon-map-title = { $indicator } nach Gemeinden, { $period }
mon-map-no-data = keine Angabe
mon-map-table = Zahlen zur Karte: { $title }
mon-map-boundaries = Gemeindegrenzen: VG250, Gebietsstand 01.01.2016, { $attribution }.
mon-map-boundaries-older = Die Grenzen sind älter als die Zahlen (Stichtag { $period }).
mon-municipality = Gemeinde
mon-key = Gemeindeschlüssel
mon-lq = Standortquotient
mon-lq-map-title = Standortquotient der ausländischen Bevölkerung nach Gemeinden, { $period }
mon-concentration = Wohnräumliche Verteilung
mon-concentration-lead = Wie gleichmäßig die ausländische Bevölkerung über die Gemeinden und über 1-km-Gitterzellen des Kreises verteilt wohnt. Die Maßzahlen beschreiben Verteilungen, nicht ihre Ursachen; sie hängen stark von der Größe der Einheiten ab und sind nur bei gleicher Einheit und gleichem Jahr vergleichbar.
mon-concentration-indices = Maßzahlen der wohnräumlichen Verteilung
mon-concentration-none = Für diesen Kreis liegen keine Zahlen nach Gemeinden oder Gitterzellen vor.
mon-concentration-units-note = Ausländerzahlen sind aus den veröffentlichten Anteilen berechnet (gerundet). Gitterzellen sind dem Kreis über ihren Mittelpunkt zugeordnet.
mon-units = Einheiten
mon-units-count = Anzahl bewohnter Einheiten
mon-units-municipalities = Gemeinden
mon-units-grid = 1-km-Gitterzellen
mon-dissimilarity = Segregationsindex (D)
mon-dissimilarity-def = Anteil der ausländischen Bevölkerung, der umziehen müsste, damit sie in jeder Einheit denselben Anteil hätte wie im ganzen Kreis (0 = gleich verteilt, 1 = vollständig getrennt).
mon-isolation = Isolationsindex
mon-isolation-def = Durchschnittlicher Ausländeranteil in der Einheit, in der eine ausländische Person wohnt.
mon-interaction = Interaktionsindex
mon-interaction-def = Durchschnittlicher Anteil der übrigen Bevölkerung in der Einheit, in der eine ausländische Person wohnt (Isolation + Interaktion = 1).
mon-entropy = Entropie (Durchmischung)
mon-entropy-def = Durchmischung der beiden Gruppen im ganzen Kreis; größer bei gleichmäßigerer Mischung.
mon-lq-def = Ausländeranteil der Einheit geteilt durch den Ausländeranteil des ganzen Kreises: 1 heißt so hoch wie im Kreis, 2 doppelt so hoch, 0,5 halb so hoch.
## Groups with special needs
needs-title = Gruppen mit besonderem Bedarf
needs-lead = Gruppen, die besondere Angebote brauchen, mit ihrer geschätzten Größe und den Angeboten des Netzwerks, die sie erreichen. Eine Gruppe ohne veröffentlichtes Angebot ist eine Lücke; deckt das Einzugsgebiet der Angebote nur einen Teil ihrer Gemeinden ab, stehen die übrigen dabei.
needs-new = Gruppe erfassen
needs-edit = Gruppe bearbeiten
needs-need = Gruppe mit besonderem Bedarf
needs-delete = Gruppe löschen
needs-caption = Gruppen mit besonderem Bedarf im Kreis { $kreis }
needs-kind = Gruppe
needs-kind-unaccompanied_minors = Unbegleitete Minderjährige
needs-kind-women_with_children = Frauen mit kleinen Kindern
needs-kind-disabilities = Menschen mit Behinderung
needs-kind-elderly_migrants = Ältere Zugewanderte
needs-kind-duldung = Menschen mit Duldung
needs-kind-traumatised = Traumatisierte Geflüchtete
needs-kind-illiterate = Menschen ohne Lese- und Schreibkenntnisse
needs-kind-other = Andere Gruppe
needs-other-kind = Andere Gruppe, in Worten
needs-other-kind-hint = Nur nötig, wenn Sie „Andere Gruppe“ gewählt haben.
needs-age = Alter
needs-age-from = Alter von
needs-age-to = Alter bis
needs-size = Geschätzte Zahl der Personen
needs-source = Quelle der Schätzung
needs-source-hint = Zum Beispiel Jugendamt, Ausländerbehörde oder eigene Zählung.
needs-estimated-on = Stand der Schätzung
needs-area = Wohnort
needs-area-hint = Der ganze Kreis, oder die Gemeinden, in denen die Gruppe lebt.
needs-whole-kreis = Ganzer Kreis { $kreis }
needs-municipality-count = { $count ->
    [one] eine Gemeinde
   *[other] { $count } Gemeinden
}
needs-offers = Angebote für diese Gruppe
needs-offers-hint = Veröffentlichte Angebote des Netzwerks; passende zuerst (Zielgruppe oder Handlungsfeld passt, Einzugsgebiet deckt den Wohnort ab).
needs-suggested = passt
needs-no-offers = Das Netzwerk hat noch keine veröffentlichten Angebote.
needs-notes = Anmerkungen
needs-gap = Lücke: kein Angebot
needs-gap-count = { $count ->
    [0] Keine Gruppe ist ganz ohne Angebot, aber nicht alle Gemeinden sind abgedeckt.
    [one] Eine Gruppe hat kein Angebot.
   *[other] { $count } Gruppen haben kein Angebot.
}
needs-no-gaps = Jede erfasste Gruppe wird von einem Angebot erreicht.
needs-uncovered = Nicht abgedeckt
needs-empty = Noch keine Gruppe erfasst.
needs-all = Alle Gruppen mit besonderem Bedarf
needs-err-kind = Bitte eine Gruppe wählen. Möglich sind: { $valid }
needs-err-age = Das Alter ist eine ganze Zahl von 0 bis 120.
needs-err-age-order = „Alter bis“ darf nicht kleiner sein als „Alter von“.
needs-err-size = Die geschätzte Zahl ist eine ganze Zahl ab 0.
needs-err-municipality = Die Gemeinde { $key } gehört nicht zum Kreis des Netzwerks.
needs-err-no-area = Bitte den ganzen Kreis oder mindestens eine Gemeinde wählen.
needs-err-date = Bitte ein Datum im Format JJJJ-MM-TT angeben.
needs-err-offer = Das Angebot { $id } ist kein veröffentlichtes Angebot dieses Netzwerks.
needs-err-body = Der Inhalt ist kein gültiges JSON für eine Gruppe: { $detail }
notice-need-saved = Die Gruppe ist gespeichert.
notice-need-deleted = Die Gruppe ist gelöscht.

## The supervisor's comparison of the Kreise of a region
cmp-title = Kreise im Vergleich
cmp-lead = Jeder Kreis und jede kreisfreie Stadt der Region mit dem jüngsten Wert des Indikators, daneben Regierungsbezirk, Land und Deutschland. Die Spaltenköpfe sortieren die Tabelle.
cmp-indicator = Indikator
cmp-show = Anzeigen
cmp-caption = { $indicator }: Kreise von { $region }
cmp-kreis = Kreis
cmp-key = Schlüssel
cmp-reference = Vergleich
cmp-chart-caption = { $indicator } je Kreis, gestrichelt Regierungsbezirk und Land — die Zahlen stehen in der folgenden Tabelle.
cmp-chart-table = Zahlen des Diagramms: { $indicator }
cmp-link = Kreise der Region im Vergleich (Situationsanalyse)
