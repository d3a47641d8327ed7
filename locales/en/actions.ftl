# Action items from conferences, the action board, reminders, the supervisor's overview, the calendar feed.

act-meeting-title = Action items from: { $title }
act-meeting-link = Action items
act-board-link = All open action items of the network
act-board-title = Action items
act-no-agenda = This conference has no agenda yet. Action items are recorded for an agenda item.
act-none-for-item = No action items for this item.
act-due = Due
act-status-open = open
act-status-in_progress = in progress
act-status-done = done
act-status-dropped = dropped
act-status-open-all = open and in progress
act-decision = Decision
act-edit = Edit
act-edit-heading = Edit action item
act-add-heading = Record an action item
act-add = Add action item
act-none = – none –
act-all = all
act-field-agenda-item = Agenda item
act-field-decision = Related decision
act-field-decision-hint = Only decisions of the chosen agenda item fit.
act-field-title = What has to be done?
act-field-organization = Responsible organisation
act-field-person = Responsible person
act-field-responsible-hint = Name an organisation or a person (or both).
act-field-due = Due on
act-field-due-hint = Format YYYY-MM-DD, may stay empty.
act-field-status = Status
act-field-meeting = Conference
act-event = Event
act-filter = Filter
act-board-count = { $count ->
    [one] One action item
   *[other] { $count } action items
}, { $overdue } of them overdue.
act-board-empty = No action items for this selection.
act-responsible = Responsible
act-progress = Progress
act-progress-field = Progress in per cent
act-progress-hint = A whole number from 0 to 100.
act-origin = Origin
act-agenda-item = Item
act-overdue = overdue
act-overdue-since = The item was due on { $date }.
act-update-heading = Report progress
act-comment = Comment
act-update-save = Save progress
act-history = History
act-history-empty = No reports yet.
act-someone = unknown

act-err-choice = Please choose an entry from the list.
act-err-agenda-item = Please choose an agenda item of this conference.
act-err-responsible = Please name a responsible organisation or person.
act-err-person-org = The person does not belong to the chosen organisation.
act-err-date = Please enter a date as YYYY-MM-DD.
act-err-datetime = Please enter date and time as YYYY-MM-DDTHH:MM.
act-err-end-before-start = The end must be after the start.
act-err-status = Please choose a status: open, in progress, done or dropped.
act-err-progress = Progress must be a whole number from 0 to 100.
act-err-not-recorder = Only the network's coordinators and this conference's minute taker record action items.
act-err-not-responsible = Only the responsible person (or their organisation) and the network's coordinators report progress on this item. Nothing was changed.
act-err-report-state = The report can only be added to the agenda of a conference that has not taken place.

notice-act-created = The action item was added.
notice-act-saved = The action item was saved.
notice-act-progress-saved = The progress was saved.
notice-act-report-added = The report on open action items was added to the agenda.

act-report-title = Report on open action items
act-report-button = Add the report on open action items
act-report-hint = Adds an agenda item listing every open action item of the network (responsible, due date, progress).
act-report-none = There are no open action items.
act-report-line = { $title } – responsible: { $responsible }, due: { $due }, progress: { $progress } %

act-mail-due-subject = Reminder: action item “{ $title }” is due on { $due }
act-mail-due-body = Hello,

    the following action item { $origin ->
        [event] preparing the event
       *[meeting] from the conference
    } “{ $meeting }” is due on { $due }:

    { $title }
    Current progress: { $progress } %

    You can report progress here: { $link }
act-mail-overdue-subject = Overdue: action item “{ $title }” (due on { $due })
act-mail-overdue-body = Hello,

    the following action item { $origin ->
        [event] preparing the event
       *[meeting] from the conference
    } “{ $meeting }” was due on { $due } and is not done yet:

    { $title }
    Current progress: { $progress } %

    Please report progress here: { $link }
act-mail-meeting-subject = Reminder: { $title } on { $start }
act-mail-meeting-body = Hello { $name },

    this is a reminder of the conference “{ $title }” of the network { $network }.

    Start: { $start }
    Place: { $place }

    Agenda: { $link }

act-overview-title = Overview of networks
act-overview-lead = For every network you oversee: the last and the next conference, whether the rhythm holds, open and overdue action items.
act-overview-network = Network
act-overview-last = Last conference
act-overview-next = Next conference
act-overview-rhythm = Rhythm
act-overview-open = Open action items
act-overview-overdue = Of these overdue
act-overview-empty = You have access to no network.
act-rhythm-holds = holds
act-rhythm-broken = does not hold
act-rhythm-none_held = no conference held yet
act-rhythm-last_too_long_ago = the last conference is too long ago
act-rhythm-next_not_planned = the next conference is not planned in time
act-nav-overview = Overview

act-calendar-heading = Calendar feed
act-calendar-lead = A personal address your calendar app can subscribe to, with every conference of your networks (internal ones too). A new address replaces the previous one.
act-calendar-create = Create feed address
act-calendar-title = Your calendar feed
act-calendar-created = The address is shown this one time only. Any earlier address no longer works.
act-calendar-how = Add the address in your calendar app as a subscribed (internet) calendar. Do not share it.
act-calendar-back = Back to your account
act-calendar-name = ikon – my conferences
