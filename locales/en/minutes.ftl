# Conferences after the invitation: chair and minute taker, attachments,
# members' proposals, attendance, minutes with decisions.

conf-state-minutes_approved = minutes approved
min-field-chair_person_id = Chair
min-field-minute_taker_person_id = Minute taker
min-person-none = – nobody chosen –
min-err-not-member-person = Please choose a contact person of a member organisation.

min-file-size = { $kb } KB
min-file-internal = internal
min-file-delete = Remove
min-upload-heading = Attach a file
min-upload-hint = PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS and TXT up to { $max } MB are allowed.
min-upload-item = Agenda item
min-upload-file = File
min-upload-public = Public (for a public item of a public conference)
min-upload = Upload
min-err-file-too-large = The file is too large. At most { $max } MB are allowed; nothing was stored.
min-err-file-type = This file type is not allowed (or its content does not match its extension). Allowed are { $allowed }; nothing was stored.
min-err-file-missing = Please choose a file.
notice-min-attachment-added = The file was attached.
notice-min-attachment-deleted = The file was removed.

min-proposals-heading = Proposals for the agenda
min-proposals-none = There are no proposals.
min-propose-heading = Propose an item
min-propose = Propose
min-proposal-state-open = open
min-proposal-state-accepted = accepted
min-proposal-state-declined = declined
min-proposal-accept = Accept
min-proposal-decline = Decline
min-proposal-note = Reason for declining
min-err-proposal-state = Items cannot be proposed for a conference that was held or cancelled.
min-err-proposal-decided = This proposal has already been decided.
min-err-decline-note = Please give a reason for declining.
min-err-decision = Please choose "Accept" or "Decline".
notice-min-proposal-added = Your proposal was submitted.
notice-min-proposal-accepted = The proposal was added to the agenda.
notice-min-proposal-declined = The proposal was declined.

min-mark-held = Mark as held
min-attendance-link = Attendance
min-attendance-title = Attendance: { $title }
min-attendance-needs-held = Attendance is recorded once the conference is marked as held.
min-attendance-prefilled = People who registered are preselected.
min-attendance-count = { $count ->
    [one] One person attended.
   *[other] { $count } people attended.
}
min-attendance-nobody = The member organisations have no contact people.
min-attendance-save = Save attendance
min-err-held-state = Only a planned or invited conference can be marked as held.
min-err-held-too-early = The conference has not started yet and cannot be marked as held.
min-err-not-held = This is possible only once the conference is marked as held.
notice-min-held = The conference is marked as held.
notice-min-attendance-saved = The attendance was saved.

min-minutes-link = Minutes
min-title = Minutes: { $title }
min-state-label = State of the minutes
min-state-none = not started
min-state-draft = draft
min-state-circulated = circulated for comments
min-state-approved = approved
min-in-preparation = The minutes are being prepared.
min-internal = internal
min-decisions = Decisions
min-votes = yes { $yes }, no { $no }, abstain { $abstain }
min-votes-hint = Vote result: all three numbers or none.
min-notes = Notes on item { $number }
min-notes-hint = Markdown is possible, e.g. **bold** or lists with "-".
min-notes-save = Save notes
min-field-text = Decision
min-field-votes_yes = Yes votes
min-field-votes_no = No votes
min-field-votes_abstain = Abstentions
min-decision-add = Add decision
min-decision-delete = Remove decision
min-err-votes-partial = Please give all three vote counts or none.
min-err-votes-number = Please give a number of 0 or more.
min-err-approved = The minutes are approved and can no longer be changed.
min-err-circulate-state = Only draft minutes can be circulated.
min-err-approve-state = Only circulated minutes can be approved.
min-err-comment-state = Comments are possible only while the draft is circulated for comments.
min-circulate = Circulate the draft for comments
min-approve = Approve the minutes
min-comments = Comments
min-comment = Your comment
min-comment-add = Send comment
min-visibility-heading = Visibility of approved minutes
min-visibility-public = Approved minutes of public conferences are public (public items only).
min-mail-circulate-subject = Draft minutes for comments: { $title }
min-mail-circulate-body =
    Dear { $name },

    the draft minutes of the conference "{ $title }" of { $network } are open for comments:
    { $link }

    Please sign in to read and comment on them.
notice-min-notes-saved = The notes were saved.
notice-min-decision-added = The decision was added.
notice-min-decision-deleted = The decision was removed.
notice-min-circulated = The draft minutes were circulated.
notice-min-approved = The minutes are approved.
notice-min-comment-added = Your comment was saved.
notice-min-visibility-saved = The visibility was saved.
