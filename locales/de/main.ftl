# Shell: navigation, layout, errors, shared form messages.
nav-skip = Zum Inhalt springen
nav-main = Hauptnavigation
nav-finder = Beratung finden
nav-search = Angebote suchen
nav-networks = Netzwerke
nav-regions = Orte und Regionen
nav-admin = Verwaltung
nav-login = Anmelden
nav-logout = Abmelden
nav-language = Sprache
nav-about = Impressum, Datenquellen und Lizenzen

home-title = ikon – Integrationsnetzwerke
home-lead = ikon ist die gemeinsame Plattform der Integrationskonferenzen: wer im Landkreis an der Integration von Zugewanderten arbeitet, wer wofür zuständig ist, und wo es Beratung gibt.
home-networks = Netzwerke
home-no-networks = Noch kein Netzwerk angelegt.
home-find-place = Ort oder Postleitzahl finden
network-member-count = { $count ->
    [one] ein Mitglied
   *[other] { $count } Mitglieder
}

about-title = Impressum, Datenquellen und Lizenzen
about-lead = ikon wird vom Betreiber dieser Installation bereitgestellt.
about-data = Amtliche Daten
about-data-lead = ikon nutzt amtliche Geodaten und Statistiken unter offenen Lizenzen:
about-software = Software
about-software-text = ikon ist freie Software.

action-search = Suchen
action-save = Speichern
action-cancel = Abbrechen
action-create = Anlegen
action-edit = Bearbeiten
action-delete = Löschen
action-back = Zurück

form-has-errors = Bitte korrigieren Sie die markierten Angaben.
form-required-note = Pflichtfelder sind mit * markiert.

error-code = Fehler { $status } ({ $code })
error-home = Zur Startseite

err-not-found = Diese Seite oder dieser Eintrag existiert nicht.
err-unauthenticated = Bitte melden Sie sich an.
err-invalid-token = Das API-Token ist ungültig oder widerrufen.
err-forbidden = Dafür fehlt Ihnen die Berechtigung.
err-csrf = Die Anfrage konnte nicht bestätigt werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.
err-validation = Einige Angaben sind ungültig.
err-busy = Der Server ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.
err-rate-limited = Zu viele Versuche. Bitte warten Sie einige Minuten.
err-internal = Ein interner Fehler ist aufgetreten. Er wurde protokolliert.
err-duplicate = Ein Eintrag mit diesen Angaben existiert bereits.
err-in-use = Der Eintrag wird noch verwendet und kann nicht gelöscht werden.
err-method-not-allowed = Diese Methode ist hier nicht erlaubt.
err-too-large = Die Anfrage ist zu groß.
err-timeout = Die Anfrage hat zu lange gedauert.
err-bad-request = Die Anfrage ist fehlerhaft.
err-bad-request-detail = Die Anfrage ist fehlerhaft: { $detail }
err-required = Bitte ausfüllen.
err-too-long = Höchstens { $max } Zeichen.
err-bidi-control = Enthält unzulässige Zeichen zur Textrichtung.
err-control-chars = Enthält unzulässige Steuerzeichen.
err-email = Bitte eine gültige E-Mail-Adresse angeben, z. B. name@beispiel.de.
err-website = Bitte eine gültige Webadresse angeben, z. B. https://www.beispiel.de.
err-phone = Bitte eine Telefonnummer aus Ziffern, Leerzeichen und + - / ( ) angeben.
err-postal-code = Eine Postleitzahl hat genau fünf Ziffern.

## Weekdays, Monday first
weekday-mon = Montag
weekday-tue = Dienstag
weekday-wed = Mittwoch
weekday-thu = Donnerstag
weekday-fri = Freitag
weekday-sat = Samstag
weekday-sun = Sonntag
