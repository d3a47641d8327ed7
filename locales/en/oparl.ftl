# OParl: the open read-only interface and the consent of contact people.

oparl-err-parameter = The parameter “{ $name }” is invalid. Times need ISO 8601 with a time zone (e.g. 2026-01-15T13:00:00+01:00); numbers must be at least 1.
oparl-person-public = Show name, function and contact details publicly
oparl-person-public-hint = Only with the person’s consent: they then appear in the open OParl interface that anyone can read.
