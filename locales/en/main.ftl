# Shell: navigation, layout, errors, shared form messages.
nav-skip = Skip to content
nav-main = Main navigation
nav-finder = Find counselling
nav-search = Search offers
nav-networks = Networks
nav-regions = Places and regions
nav-admin = Administration
nav-login = Sign in
nav-logout = Sign out
nav-language = Language
nav-about = Imprint, data sources and licences

home-title = ikon – integration networks
home-lead = ikon is the shared platform of the integration conferences: who works on the integration of migrants in the county, who is responsible for what, and where to find counselling.
home-networks = Networks
home-no-networks = No network has been created yet.
home-find-place = Find a place or postal code
network-member-count = { $count ->
    [one] one member
   *[other] { $count } members
}

about-title = Imprint, data sources and licences
about-lead = ikon is provided by the operator of this installation.
about-data = Official data
about-data-lead = ikon uses official geodata and statistics under open licences:
about-software = Software
about-software-text = ikon is free software.

action-search = Search
action-save = Save
action-cancel = Cancel
action-create = Create
action-edit = Edit
action-delete = Delete
action-back = Back

form-has-errors = Please correct the marked entries.
form-required-note = Required fields are marked with *.

error-code = Error { $status } ({ $code })
error-home = Go to the home page

err-not-found = This page or entry does not exist.
err-unauthenticated = Please sign in.
err-invalid-token = The API token is invalid or revoked.
err-forbidden = You are not allowed to do that.
err-csrf = The request could not be verified. Please reload the page and try again.
err-validation = Some entries are invalid.
err-busy = The server is busy right now. Please try again in a moment.
err-rate-limited = Too many attempts. Please wait a few minutes.
err-internal = An internal error occurred. It has been logged.
err-duplicate = An entry with these details exists already.
err-in-use = The entry is still in use and cannot be deleted.
err-method-not-allowed = This method is not allowed here.
err-too-large = The request is too large.
err-timeout = The request took too long.
err-bad-request = The request is malformed.
err-bad-request-detail = The request is malformed: { $detail }
err-required = Please fill in.
err-too-long = At most { $max } characters.
err-bidi-control = Contains characters that reorder the text, which are not allowed.
err-control-chars = Contains control characters that are not allowed.
err-email = Please enter a valid e-mail address, e.g. name@example.org.
err-website = Please enter a valid web address, e.g. https://www.example.org.
err-phone = Please enter a phone number of digits, spaces and + - / ( ).
err-postal-code = A postal code has exactly five digits.

## Weekdays, Monday first
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
