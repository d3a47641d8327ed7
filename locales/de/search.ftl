search-title = Angebote suchen
search-intro = Suchen Sie Beratung, Kurse und andere Angebote für Zugewanderte – in jeder Sprache, auch mit Abkürzungen wie MBE, JMD oder Kita.
search-q = Suchbegriff
search-q-hint = Zum Beispiel „Deutschkurs“, „Kita“ oder „Migrationsberatung“. Tippfehler sind kein Problem.
search-radius = Umkreis
search-radius-km = { $km } km
search-any = alle
search-language = Sprache des Angebots
search-open-now = Jetzt geöffnet
search-free = Kostenlos
search-results = { $total ->
    [one] 1 Angebot
   *[other] { $total } Angebote
}
search-none = Keine Angebote gefunden. Versuchen Sie weniger Filter oder einen anderen Suchbegriff.
search-relaxed = Nicht alle Ihre Suchbegriffe kommen zusammen in einem Angebot vor. Angezeigt werden auch Angebote, die zu einem Teil davon passen (mindestens { $at_least } von { $of }); die passendsten stehen oben.
search-did-you-mean = Meinten Sie:
search-words-only = Dieselben Suchbegriffe ohne Filter
search-whole-field = Alle Angebote im Bereich „{ $field }“
search-to-finder = Die zuständige Beratungsstelle für Ihren Ort finden
search-places = Orte
search-map = Karte der Angebote
search-distance = { $km } km entfernt
search-pagination = Seiten
search-page = Seite { $page } von { $pages }
search-prev = Vorige Seite
search-next = Nächste Seite
search-err-value = Ungültiger Wert für „{ $name }“: „{ $value }“. Gültig sind: { $valid }.
search-err-region = Unbekannte Region „{ $value }“ (erwartet wird ein amtlicher Schlüssel: Land, Regierungsbezirk, Kreis oder Gemeinde).
search-more-places = { $count ->
    [one] und ein weiterer Ort
   *[other] und { $count } weitere Orte
}
