mon-err-paging = Seite ab 1, höchstens { $max } Einträge je Seite.
mon-err-period = Ungültiger Zeitraum. Erlaubt sind ein Jahr (2016) oder ein Stichtag (2015-12-31 oder 31.12.2015).
mon-err-unknown-indicator = Unbekannter Indikator. Gültige Codes: { $codes }
mon-err-unknown-region = Unbekannte Region { $key }. Regionalschlüssel sind DG (Deutschland) oder ein AGS mit 2, 3, 5 oder 8 Ziffern, z. B. 09575.
