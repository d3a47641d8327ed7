# Upkeep of offers: language note, freshness, coverage overviews.

nav-coverage = Coverage
lang-internal-note = This page is only available in { $lang }.

fresh-last-verified = Last checked: { $date }
fresh-stale = Not checked for a long time
fresh-verify = Details still correct
fresh-verify-offer = Details still correct: { $title }
fresh-column = Checked
fresh-stale-title = Not checked for more than { $months } months
fresh-none-stale = All published offers have been checked.
notice-offer-verified = Thank you! The offer is confirmed as current.
fresh-mail-subject = Please check: { $title }
fresh-mail-body = Hello { $name },

    the offer “{ $title }” has not been checked for more than { $months } months.
    Please see whether its details are still correct:

    { $link }

    If everything is right, click “Details still correct” there. Otherwise correct and save the offer.

    Your ikon

upkeep-title = Upkeep of offers
upkeep-gaps-title = Gaps in contact points
upkeep-gap-group = No contact point for
upkeep-no-gaps = Every municipality has a contact point for every target group.
upkeep-region-title = Coverage of the networks
upkeep-region-intro = The coverage with contact points in every network of the region, side by side.
upkeep-region-label = Region (start of the official key, e.g. 09 for Bavaria)
upkeep-region-caption = Municipalities, gaps per target group and share covered per network
upkeep-network = Network
upkeep-municipalities = Municipalities
upkeep-gaps-for = Gaps: { $group }
upkeep-covered = Covered
upkeep-matrix = Overview
upkeep-matrix-link = Coverage in { $network }
upkeep-region-none = There is no network in this region that you may see.
