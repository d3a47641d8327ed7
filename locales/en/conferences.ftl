# Conferences: rhythm, due date, meetings, date poll.

conf-title = Conferences
conf-next-heading = Next conference
conf-due-now = A conference is due now (none has been held yet).
conf-due-by = The next conference is due by { $date }.
conf-rhythm-note = (rhythm: every { $months } months)
conf-next-organizer = Organiser: { $name }
conf-no-rotation = No organiser rotation has been set yet.
conf-meeting-new = Create conference
conf-meeting-edit = Edit conference
conf-default-title = Integration conference
conf-settings = Rhythm and organisers
conf-upcoming = Upcoming conferences
conf-past = Past conferences
conf-none-upcoming = No conference is planned.
conf-none-past = No conference has been held yet.
conf-no-date = Date not yet fixed
conf-state-planned = planned
conf-state-invited = invited
conf-state-held = held
conf-state-cancelled = cancelled
conf-yes = yes
conf-no = no

conf-field-title = Title
conf-field-date = Date
conf-field-starts-at = Start
conf-field-ends-at = End
conf-date-hint = German local time. Leave empty to find the date with a poll.
conf-field-location = Place
conf-field-online-url = Online access (address)
conf-field-organizer = Organising organisation
conf-organizer-none = – none –
conf-field-state = Status
conf-field-public = Show publicly in the calendar
conf-field-rhythm = Rhythm in months
conf-rhythm-hint = A whole number from { $min } to { $max }; usually half a year (6).
conf-field-default-location = Usual place
conf-field-organization = Organisation

conf-series-heading = Rhythm
conf-rotation-heading = Order of organisers
conf-rotation-hint = Organising rotates in this order, e.g. between the county office and the welfare associations. After the last organisation the list starts again.
conf-rotation-empty = No organisation in the rotation yet.
conf-rotation-add = Add organisation
conf-add = Add
conf-move-up = Move up
conf-move-down = Move down
conf-remove = Remove

conf-poll-heading = Date poll
conf-poll-empty = There are no date options yet.
conf-poll-matrix = Answers per person and date option
conf-poll-person = Person
conf-poll-totals = Total
conf-poll-count = yes { $yes } · if need be { $maybe } · no { $no }
conf-poll-no-answers = Nobody has answered yet.
conf-choose = Choose this date
conf-option-add = Add date option
conf-poll-send-heading = Send the poll
conf-poll-send-hint = Every contact person with an e-mail address ({ $count }) gets a personal link.
conf-poll-send = Send the poll by e-mail
conf-answer-yes = Yes
conf-answer-maybe = If need be
conf-answer-no = No
conf-poll-page-title = Date poll: { $title }
conf-poll-greeting = Hello { $name }, please tell { $network } which dates suit you.
conf-poll-save = Save answers
conf-poll-closed-note = The poll is closed.
conf-poll-chosen = Chosen date: { $date }

conf-err-rhythm = Please enter a whole number from { $min } to { $max }.
conf-err-not-member = Please choose an organisation of the network.
conf-err-not-in-rotation = This organisation is not in the rotation.
conf-err-datetime = Please enter a date and time (e.g. 2027-03-14, 14:00).
conf-err-end-before-start = The end must be after the start.
conf-err-in-past = The start lies in the past.
conf-err-overlap = This option overlaps another date option.
conf-err-poll-closed = The date poll is closed.
conf-err-no-options = Please add at least one date option first.
conf-err-option-unknown = Please choose a date option of this conference.
conf-err-answer = Please choose "Yes", "If need be" or "No".
conf-err-link-invalid = This personal link is invalid or has expired. Please contact the network's coordination.

conf-mail-poll-subject = Date poll: { $title }
conf-mail-poll-body =
    Hello { $name },

    we are looking for a date for the next meeting "{ $title }" of { $network }.
    Please tell us through your personal link which dates suit you:

    { $link }

    The link is valid for { $days } days and meant for you only.

notice-conf-settings-saved = The settings have been saved.
notice-conf-meeting-created = The conference has been created.
notice-conf-meeting-saved = The conference has been saved.
notice-conf-option-added = The date option has been added.
notice-conf-poll-sent = The date poll has been sent.
notice-conf-date-chosen = The date has been fixed.
notice-conf-answers-saved = Thank you, your answers have been saved.

conf-invitation-heading = Invitation
conf-invite-needs-date = A date must be fixed before inviting.
conf-invite = Send the invitation by e-mail
conf-update-invitation = Send the changed invitation
conf-cancel = Cancel the conference
conf-cancelled-note = This conference has been cancelled.
conf-feed = Subscribe to the calendar (iCalendar)
conf-rsvp-summary = Registered: { $yes } · Declined: { $no }
conf-rsvp-list = Registrations and declines
conf-rsvp-response = Answer
conf-rsvp-page-title = Registration: { $title }
conf-rsvp-greeting = Hello { $name }, { $network } invites you to this conference.
conf-rsvp-question = Will you attend?
conf-rsvp-yes = I will attend
conf-rsvp-no = I cannot attend
conf-rsvp-save = Send answer
conf-rsvp-current-yes = You are registered.
conf-rsvp-current-no = You have declined.
conf-rsvp-cancelled = The conference has been cancelled.
conf-rsvp-closed = Registration is no longer possible.
conf-err-no-date = Please fix a date first.
conf-err-state = This is not possible in the conference's current status.
conf-err-rsvp = Please choose "I will attend" or "I cannot attend".
conf-ics-description = Conference of { $network }
conf-mail-invite-subject = Invitation: { $title }
conf-mail-update-subject = Changed invitation: { $title }
conf-mail-invite-body =
    Hello { $name },

    { $network } cordially invites you to "{ $title }".

    Start: { $start }
    End: { $end }
    Place: { $place }

    Please register or decline through your personal link:

    { $link }

    The invitation is attached as a calendar entry (einladung.ics).
conf-mail-cancel-subject = Cancelled: { $title }
conf-mail-cancel-body =
    Hello { $name },

    the conference "{ $title }" of { $network } on { $start } has been cancelled.
    The attached calendar entry removes it from your calendar.
notice-conf-invited = The invitations have been sent.
notice-conf-invitation-updated = The changed invitation has been sent.
notice-conf-cancelled = The conference has been cancelled.
notice-conf-registered = Thank you, you are registered.
notice-conf-declined = Thank you, your decline has been recorded.

conf-agenda-link = Agenda
conf-agenda-title = Agenda: { $title }
conf-agenda-heading = Agenda items
conf-agenda-empty = No agenda items yet.
conf-agenda-number = No.
conf-agenda-proposer = Proposed by
conf-agenda-duration = Planned duration (minutes)
conf-agenda-duration-hint = Whole minutes from 1 to 480.
conf-agenda-description = Description
conf-agenda-minutes = { $count } min
conf-agenda-total = Total duration
conf-agenda-actions = Actions
conf-agenda-up = Move up
conf-agenda-down = Move down
conf-agenda-delete = Delete
conf-agenda-add = Add agenda item
notice-conf-agenda-added = The agenda item has been added.
notice-conf-agenda-moved = The order has been changed.
notice-conf-agenda-deleted = The agenda item has been deleted.
conf-agenda-edit = Edit
conf-agenda-edit-heading = Edit agenda item
notice-conf-agenda-saved = The agenda item has been saved.
