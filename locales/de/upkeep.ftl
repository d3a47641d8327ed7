# Upkeep of offers: language note, freshness, coverage overviews.

nav-coverage = Abdeckung
lang-internal-note = Diese Seite gibt es nur auf { $lang }.

fresh-last-verified = Zuletzt geprüft: { $date }
fresh-stale = Lange nicht geprüft
fresh-verify = Angaben noch aktuell
fresh-verify-offer = Angaben noch aktuell: { $title }
fresh-column = Geprüft
fresh-stale-title = Seit über { $months } Monaten nicht geprüft
fresh-none-stale = Alle veröffentlichten Angebote sind geprüft.
notice-offer-verified = Danke! Das Angebot ist als aktuell bestätigt.
fresh-mail-subject = Bitte prüfen: { $title }
fresh-mail-body = Guten Tag { $name },

    das Angebot „{ $title }“ wurde seit über { $months } Monaten nicht geprüft.
    Bitte sehen Sie nach, ob die Angaben noch stimmen:

    { $link }

    Stimmt alles, klicken Sie dort auf „Angaben noch aktuell“. Sonst korrigieren und speichern Sie das Angebot.

    Ihr ikon

upkeep-title = Pflege der Angebote
upkeep-gaps-title = Lücken bei den Anlaufstellen
upkeep-gap-group = Ohne Anlaufstelle für
upkeep-no-gaps = Jede Gemeinde hat für jede Zielgruppe eine Anlaufstelle.
upkeep-region-title = Abdeckung der Netzwerke
upkeep-region-intro = Die Abdeckung mit Anlaufstellen in allen Netzwerken der Region, nebeneinander.
upkeep-region-label = Region (Anfang des amtlichen Schlüssels, z. B. 09 für Bayern)
upkeep-region-caption = Gemeinden, Lücken je Zielgruppe und abgedeckter Anteil je Netzwerk
upkeep-network = Netzwerk
upkeep-municipalities = Gemeinden
upkeep-gaps-for = Lücken: { $group }
upkeep-covered = Abgedeckt
upkeep-matrix = Übersicht
upkeep-matrix-link = Abdeckung in { $network }
upkeep-region-none = In dieser Region gibt es kein Netzwerk, das Sie sehen dürfen.
