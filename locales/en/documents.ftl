# PDF documents (Wegweiser, meeting documents) and the CSV export
wegweiser-heading = Printable guide (Wegweiser)
wegweiser-hint = All published offers of the network as a PDF, by field of integration, with opening hours and a QR code to the online entry.
wegweiser-pdf = PDF
doc-heading = Documents
doc-invitation = Invitation with agenda
doc-attendance = Attendance list
doc-minutes = Minutes
export-err-dialect = Unknown CSV dialect. Use "german" or "plain".
