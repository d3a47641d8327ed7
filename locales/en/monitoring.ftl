mon-err-paging = Pages start at 1, with at most { $max } entries per page.
mon-err-period = Invalid period. Use a year (2016) or a reference day (2015-12-31 or 31.12.2015).
mon-err-unknown-indicator = Unknown indicator. Valid codes: { $codes }
mon-err-unknown-region = Unknown region { $key }. Region keys are DG (Germany) or an AGS of 2, 3, 5 or 8 digits, e.g. 09575.
